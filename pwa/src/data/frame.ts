// What the app frame (app-root) reads and starts once its first page has painted, in one module
// it loads then: the start itself (the sign-in state and History's first cards, history-start.ts)
// reads IndexedDB without Dexie. Neither zod nor the sync engine loads with this module: they
// load on first use.
import { type AuthSnapshot, readAuth } from './auth-snapshot.ts'
import type { LocalUser } from './db.ts'
import { SIGNED_OUT } from './frame-checks.ts'

export { countWaiting } from './outbox-count.ts'

/** The stored sign-in state; signed out when it cannot be read. */
export const readAuthOrSignedOut = (): Promise<AuthSnapshot> => readAuth().catch(() => SIGNED_OUT)

/** `refreshSession` of data/session.ts, loaded when first asked. */
export const refreshSession = async (): Promise<LocalUser | null> =>
  (await import('./session.ts')).refreshSession()

/**
 * `startSync` of data/sync-engine.ts, loaded now without waiting for it; the returned function
 * stops the sync, or keeps it from starting if it has not yet.
 */
export const startSync = (): (() => void) => {
  let stopped = false
  let stop: (() => void) | undefined
  void import('./sync-engine.ts')
    .then((engine) => {
      if (!stopped) stop = engine.startSync()
    })
    .catch((error: unknown) => console.error(error))
  return () => {
    stopped = true
    stop?.()
  }
}
