import { type AuthSnapshot, readAuth } from './auth-snapshot.ts'
import { db } from './db.ts'
import { ALL_HISTORY, type HistoryItem, historyIds, historyItems } from './history.ts'
import { onLocalChange } from './local-changes.ts'

/** Cards read with the start, enough to fill a phone or a desktop screen. */
export const FIRST_WINDOW = 24

/** What History draws first: every id (unfiltered) and the cards of the first window. */
export interface HistoryStart {
  readonly ids: readonly string[]
  readonly items: readonly HistoryItem[]
}

let primed: { start: HistoryStart; stop: () => void } | undefined
/** Counts the reads, so that a change during one keeps it from being handed over. */
let reads = 0

/** Drops the History read with the start (the local data changed, or was wiped). */
export const forgetHistoryStart = (): void => {
  primed?.stop()
  primed = undefined
  reads++
}

/**
 * The History read with the start, once: History's first render draws it instead of waiting for
 * its own queries. Undefined when none was made, it was taken, or any later change to the local
 * data (a pull, a wipe, another user) may have made it stale.
 */
export const takeHistoryStart = (): HistoryStart | undefined => {
  const start = primed?.start
  forgetHistoryStart()
  return start
}

/**
 * The sign-in state, and with `history` for a signed-in device the ids and first cards of
 * History, in one read of the database, so the first card needs no second round of queries.
 */
export const readStart = async (history: boolean): Promise<AuthSnapshot> => {
  forgetHistoryStart()
  // Dexie reports each committed change; one during or after this read may make it stale.
  const mine = reads
  const watch = onLocalChange(['generations', 'outbox', 'meta'], forgetHistoryStart)
  const read = await db
    .transaction('r', db.meta, db.outbox, db.generations, async () => {
      const auth = await readAuth()
      if (!history || !auth.user || auth.expired) return { auth }
      const ids = await historyIds(ALL_HISTORY)
      const items = await historyItems(ids.slice(0, FIRST_WINDOW))
      return { auth, start: { ids, items } }
    })
    .catch((error: unknown) => {
      watch()
      throw error
    })
  if (read.start && reads === mine) primed = { start: read.start, stop: watch }
  else watch()
  return read.auth
}
