// What the app frame (app-root) reads and starts, in one module it loads on demand: a first visit
// to a public page shows without any IndexedDB or API code.
import { type AuthSnapshot, readAuth } from './account.ts'
import { readStart } from './history-start.ts'

export { countWaiting } from './outbox.ts'
export { refreshSession } from './session.ts'
export { startSync } from './sync-engine.ts'

const SIGNED_OUT: AuthSnapshot = { user: null, expired: false }

/** The stored sign-in state; signed out when it cannot be read. */
export const readAuthOrSignedOut = (): Promise<AuthSnapshot> => readAuth().catch(() => SIGNED_OUT)

/**
 * The stored sign-in state, read together with History's first cards when `history` (the visit
 * opens History); signed out when it cannot be read.
 */
export const readStartOrSignedOut = (history: boolean): Promise<AuthSnapshot> =>
  readStart(history).catch(() => SIGNED_OUT)
