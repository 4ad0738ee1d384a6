import type { Generation } from '@app/shared-types'
import type { OutboxEntry } from './db.ts'
import type { HistoryItem } from './history-item.ts'
import { settled } from './raw-idb.ts'

// History's first cards as the start reads them, straight from IndexedDB: the same answers as
// historyIds and historyItems (history.ts) give for the unfiltered list, which the tests check.

/** Cards read with the start, enough to fill a phone or a desktop screen. */
export const FIRST_WINDOW = 24

/** The cards part of History's start, as its tables hold them. */
export interface StoredCards {
  /**
   * The first ids in display order: those of the first window at least, every one where the
   * browser cannot read an index's records newest first.
   */
  readonly ids: readonly string[]
  /** Whether `ids` holds every id (until History's own query answers, the list may be longer). */
  readonly complete: boolean
  /** The cards of the first window. */
  readonly items: readonly HistoryItem[]
}

/** A record of an index as `getAllRecords` answers (Chromium 141+; not yet in TypeScript's DOM). */
interface IndexRecord {
  readonly value: unknown
}
type RecordsIndex = IDBIndex & {
  getAllRecords?: (options: {
    direction: IDBCursorDirection
    count: number
  }) => IDBRequest<IndexRecord[]>
}

/** Requests on the device that show as cards, newest first (as `historyIds` orders them). */
const localCards = async (transaction: IDBTransaction): Promise<OutboxEntry[]> => {
  const entries = (await settled(transaction.objectStore('outbox').getAll())) as OutboxEntry[]
  return entries
    .filter((entry) => entry.op === 'generate')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

const cardsOf = (local: readonly OutboxEntry[], synced: readonly Generation[]): HistoryItem[] => [
  ...local.slice(0, FIRST_WINDOW).map((entry) => ({ kind: 'local' as const, id: entry.id, entry })),
  ...synced.map((generation) => ({ kind: 'synced' as const, id: generation.id, generation })),
]

/**
 * The start where the browser reads an index's records newest first: the newest records and the
 * requests on the device, asked at once, so the read is one round trip whatever the size of
 * History. Not even a count: counting 10,000 records took longer than the rest of the read.
 */
const readNewest = async (
  transaction: IDBTransaction,
  getAllRecords: NonNullable<RecordsIndex['getAllRecords']>
): Promise<StoredCards> => {
  const [local, newest] = await Promise.all([
    localCards(transaction),
    settled(getAllRecords({ direction: 'prev', count: FIRST_WINDOW })),
  ])
  const onDevice = new Set(local.map((entry) => entry.id))
  // The newest records cover the window: requests on the device only take their places.
  const unseen = newest
    .map(({ value }) => value as Generation)
    .filter((generation) => !onDevice.has(generation.id))
  const synced = unseen.slice(0, Math.max(0, FIRST_WINDOW - local.length))
  return {
    ids: [...onDevice, ...synced.map((generation) => generation.id)],
    // Fewer records than asked for are all there are.
    complete: newest.length < FIRST_WINDOW && synced.length === unseen.length,
    items: cardsOf(local, synced),
  }
}

/** The start elsewhere: every id from the index, then the first window's records. */
const readAllIds = async (
  transaction: IDBTransaction,
  generations: IDBObjectStore
): Promise<StoredCards> => {
  const [local, keys] = await Promise.all([
    localCards(transaction),
    settled(generations.index('createdAt').getAllKeys()),
  ])
  const onDevice = new Set(local.map((entry) => entry.id))
  // Index order is (createdAt, id) ascending; newest first is that order reversed, as in Dexie.
  const synced = (keys as string[]).reverse().filter((id) => !onDevice.has(id))
  const first = synced.slice(0, Math.max(0, FIRST_WINDOW - local.length))
  const found = await Promise.all(
    first.map((id) => settled(generations.get(id) as IDBRequest<Generation | undefined>))
  )
  const ids = [...onDevice, ...synced]
  const items = cardsOf(
    local,
    found.filter((generation) => generation !== undefined)
  )
  return { ids, complete: true, items }
}

/** The unfiltered History start: requests on the device first, then synced ones, newest first. */
export const readHistory = (transaction: IDBTransaction): Promise<StoredCards> => {
  const generations = transaction.objectStore('generations')
  const byDate = generations.index('createdAt') as RecordsIndex
  return byDate.getAllRecords
    ? readNewest(transaction, byDate.getAllRecords.bind(byDate))
    : readAllIds(transaction, generations)
}
