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

/** What History draws first: every id (unfiltered) and the cards of the first window. */
export interface HistoryStart {
  readonly ids: readonly string[]
  readonly items: readonly HistoryItem[]
}

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

/** The unfiltered History start: requests on the device first, then synced ones, newest first. */
const readHistory = async (transaction: IDBTransaction): Promise<HistoryStart> => {
  const generations = transaction.objectStore('generations')
  const [entries, syncedKeys] = await Promise.all([
    settled(transaction.objectStore('outbox').getAll()) as Promise<OutboxEntry[]>,
    settled(generations.index('createdAt').getAllKeys()),
  ])
  const local = entries
    .filter((entry) => entry.op === 'generate')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const onDevice = new Set(local.map((entry) => entry.id))
  // Index order is (createdAt, id) ascending; newest first is that order reversed, as in Dexie.
  const synced = (syncedKeys as string[]).reverse().filter((id) => !onDevice.has(id))
  const ids = [...onDevice, ...synced]
  const firstSynced = synced.slice(0, Math.max(0, FIRST_WINDOW - local.length))
  const found = (await Promise.all(firstSynced.map((id) => settled(generations.get(id))))) as (
    | Generation
    | undefined
  )[]
  const items: HistoryItem[] = [
    ...local
      .slice(0, FIRST_WINDOW)
      .map((entry) => ({ kind: 'local' as const, id: entry.id, entry })),
    ...found.flatMap((generation) =>
      generation ? [{ kind: 'synced' as const, id: generation.id, generation }] : []
    ),
  ]
  return { ids, items }
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
      const [user, authState] = await Promise.all([
        metaValue<LocalUser | null>(meta, 'user'),
        metaValue<string>(meta, 'authState'),
      ])
      const auth: AuthSnapshot = {
        user: user ?? null,
        expired: Boolean(user) && authState === 'expired',
      }
      const start =
        history && auth.user && !auth.expired ? await readHistory(transaction) : undefined
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
