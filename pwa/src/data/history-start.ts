import type { Generation } from '@app/shared-types'
import type { AuthSnapshot } from './auth-snapshot.ts'
import type { LocalUser, MetaRow, OutboxEntry } from './db.ts'
import { DB_NAME } from './db-name.ts'
import type { HistoryItem } from './history-item.ts'

// The app's start reads IndexedDB directly, not through Dexie: the frame and History's first
// cards draw before Dexie (a third of a signed-in start's script) has even been asked for. The
// reads mirror readAuth (auth-snapshot.ts) and historyIds/historyItems (history.ts) for the
// unfiltered list; the tests hold them to the same answers.

/** Cards read with the start, enough to fill a phone or a desktop screen. */
export const FIRST_WINDOW = 24

/** What History draws first, unfiltered. */
export interface HistoryStart {
  /**
   * The first ids in display order: those of the first window at least, every one where the
   * browser cannot read an index's records newest first.
   */
  readonly ids: readonly string[]
  /** Whether `ids` holds every id (until History's own query answers, the list may be longer). */
  readonly complete: boolean
  /** The cards of the first window. */
  readonly items: readonly HistoryItem[]
  /** When this device last pulled; undefined before its first pull (History is not known yet). */
  readonly lastSyncAt: string | undefined
}

/** The cards part of the start, as History's tables hold it. */
type StoredCards = Omit<HistoryStart, 'lastSyncAt'>

/**
 * Dexie's own channel for changes made in any tab or worker of the origin (it posts the changed
 * tables as `idb://<database>/<table>/` keys): the start listens to it without loading Dexie.
 */
const DEXIE_CHANGES_CHANNEL = 'x-storagemutated-1'
const WATCHED = ['generations', 'outbox', 'meta'].map((table) => `idb://${DB_NAME}/${table}/`)

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
 * Whether the read with the start found History empty (a new device, before its first pull):
 * with no card to draw first, nothing needs to wait for the first paint.
 */
export const historyStartIsEmpty = (): boolean => primed?.start.ids.length === 0

/** Calls `onChange` after any committed change to History's tables, in this tab or another. */
const watchChanges = (onChange: () => void): (() => void) => {
  if (typeof BroadcastChannel === 'undefined') return () => undefined
  const channel = new BroadcastChannel(DEXIE_CHANGES_CHANNEL)
  channel.onmessage = ({ data }: MessageEvent<unknown>) => {
    const parts = data && typeof data === 'object' ? Object.keys(data) : []
    if (parts.some((part) => WATCHED.some((prefix) => part.startsWith(prefix)))) onChange()
  }
  return () => channel.close()
}

const settled = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })

/** The app's database as it stands; never made or upgraded here (Dexie owns its schema). */
const openExisting = (): Promise<IDBDatabase> =>
  new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME)
    request.onupgradeneeded = () => request.transaction?.abort()
    request.onsuccess = () => {
      const database = request.result
      // A newer version (Dexie upgrading in another tab) is never held up by this read.
      database.onversionchange = () => database.close()
      resolve(database)
    }
    request.onerror = () => reject(request.error)
    request.onblocked = () => reject(new Error('The database is being upgraded'))
  })

const metaValue = async <V>(meta: IDBObjectStore, key: MetaRow['key']): Promise<V | undefined> =>
  ((await settled(meta.get(key))) as MetaRow | undefined)?.value as V | undefined

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
const readHistory = (transaction: IDBTransaction): Promise<StoredCards> => {
  const generations = transaction.objectStore('generations')
  const byDate = generations.index('createdAt') as RecordsIndex
  return byDate.getAllRecords
    ? readNewest(transaction, byDate.getAllRecords.bind(byDate))
    : readAllIds(transaction, generations)
}

/**
 * The sign-in state, and with `history` for a signed-in device the ids and first cards of
 * History, in one read of the database, so the first card needs no second round of queries.
 */
export const readStart = async (history: boolean): Promise<AuthSnapshot> => {
  forgetHistoryStart()
  // A change committed during or after this read may make it stale.
  const mine = reads
  const watch = watchChanges(forgetHistoryStart)
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
