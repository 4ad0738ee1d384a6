import { db, type OutboxState } from './db.ts'

// The outbox's count for the app frame, apart from outbox.ts, which brings the sync engine.

/** Outbox states of a request the server has not accepted yet. */
export const UNSENT_STATES: readonly OutboxState[] = ['waiting', 'sending', 'paused']

/** How many requests wait on the device (the offline bar's count). */
export const countWaiting = async (): Promise<number> =>
  db.outbox
    .where('state')
    .anyOf([...UNSENT_STATES])
    .filter((entry) => entry.op === 'generate')
    .count()
