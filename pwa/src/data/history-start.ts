import type { AuthSnapshot } from './auth-snapshot.ts'
import type { LocalUser, MetaRow } from './db.ts'
import { watchChanges } from './dexie-changes.ts'
import { readHistory, type StoredCards } from './history-start-cards.ts'
import { openExisting, settled } from './raw-idb.ts'

// The app's start reads IndexedDB directly, not through Dexie: the frame and History's first
// cards draw before Dexie (a third of a signed-in start's script) has even been asked for. The
// sign-in state mirrors readAuth (auth-snapshot.ts), which the tests check.

/** What History draws first, unfiltered. */
export interface HistoryStart extends StoredCards {
  /** When this device last pulled; undefined before its first pull (History is not known yet). */
  readonly lastSyncAt: string | undefined
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
 * Whether the read with the start has cards for History to draw first; without (a new device
 * before its first pull, or nothing read), nothing needs to wait for the first paint.
 */
export const historyStartHasCards = (): boolean => (primed?.start.ids.length ?? 0) > 0

const metaValue = async <V>(meta: IDBObjectStore, key: MetaRow['key']): Promise<V | undefined> =>
  ((await settled(meta.get(key))) as MetaRow | undefined)?.value as V | undefined

/** A read begun before the app's code had evaluated, until the start takes it. */
let early: { history: boolean; read: Promise<AuthSnapshot> } | undefined

/**
 * Begins the start's read at once (start-early.ts calls it before the frame's code evaluates); the
 * next `readStart` for the same `history` takes it rather than reading again.
 */
export const readStartEarly = (history: boolean): void => {
  const read = readFresh(history)
  read.catch(() => undefined)
  early = { history, read }
}

/**
 * The sign-in state, and with `history` for a signed-in device the ids and first cards of
 * History, in one read of the database, so the first card needs no second round of queries.
 */
export const readStart = (history: boolean): Promise<AuthSnapshot> => {
  const begun = early
  early = undefined
  return begun?.history === history ? begun.read : readFresh(history)
}

const readFresh = async (history: boolean): Promise<AuthSnapshot> => {
  forgetHistoryStart()
  // A change committed during or after this read may make it stale.
  const mine = reads
  const watch = watchChanges(['generations', 'outbox', 'meta'], forgetHistoryStart)
  try {
    const database = await openExisting()
    try {
      const transaction = database.transaction(['meta', 'outbox', 'generations'], 'readonly')
      const meta = transaction.objectStore('meta')
      // History is read alongside the sign-in state, in the same round trip, and dropped if the
      // device turns out signed out.
      const [user, authState, lastSyncAt, cards] = await Promise.all([
        metaValue<LocalUser | null>(meta, 'user'),
        metaValue<string>(meta, 'authState'),
        metaValue<string>(meta, 'lastSyncAt'),
        history ? readHistory(transaction) : undefined,
      ])
      const auth: AuthSnapshot = {
        user: user ?? null,
        expired: Boolean(user) && authState === 'expired',
      }
      const start = auth.user && !auth.expired && cards ? { ...cards, lastSyncAt } : undefined
      if (start && reads === mine) primed = { start, stop: watch }
      else watch()
      return auth
    } finally {
      database.close()
    }
  } catch (error) {
    watch()
    throw error
  }
}
