// What the app frame (app-root) reads and starts, in one module it loads on demand: a first visit
// to a public page shows without any IndexedDB or API code. The start itself (the sign-in state,
// History's first cards, the waiting count) needs neither zod nor the sync engine: those load
// on first use, after the first paint.
import { type AuthSnapshot, readAuth } from './auth-snapshot.ts'
import type { LocalUser } from './db.ts'
import { readStart } from './history-start.ts'

export { countWaiting } from './outbox-count.ts'

const SIGNED_OUT: AuthSnapshot = { user: null, expired: false }

/** The stored sign-in state; signed out when it cannot be read. */
export const readAuthOrSignedOut = (): Promise<AuthSnapshot> => readAuth().catch(() => SIGNED_OUT)

/**
 * The stored sign-in state, read together with History's first cards when `history` (the visit
 * opens History); signed out when it cannot be read.
 */
export const readStartOrSignedOut = (history: boolean): Promise<AuthSnapshot> =>
  readStart(history).catch(() => SIGNED_OUT)

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
