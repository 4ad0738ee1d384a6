import type { GenerationStatus } from '@app/shared-types'
import { Dexie } from 'dexie'
import { db, type OutboxState } from './db.ts'
import {
  FILTER_STATES,
  type HistoryFilter,
  type HistoryItem,
  type ItemState,
} from './history-item.ts'
import { FIRST_WINDOW } from './history-start-cards.ts'

const SERVER_STATES: readonly GenerationStatus[] = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'canceled',
]

const wanted = (filter: HistoryFilter): ReadonlySet<ItemState> | undefined =>
  filter.state === 'all' ? undefined : new Set(FILTER_STATES[filter.state])

/** Requests on the device that show as cards, newest first. The outbox stays small. */
const localIds = async (filter: HistoryFilter): Promise<string[]> => {
  const states = wanted(filter)
  const entries = await db.outbox
    .filter(
      (entry) =>
        entry.op === 'generate' &&
        (filter.workflow === 'all' || entry.workflow === filter.workflow) &&
        (!states || states.has(entry.state as OutboxState))
    )
    .toArray()
  return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((entry) => entry.id)
}

/** Synced ids newest first, read from index keys only. */
const syncedIds = async (filter: HistoryFilter): Promise<string[]> => {
  const ordered = (
    filter.workflow === 'all'
      ? db.generations.orderBy('createdAt')
      : db.generations
          .where('[workflow+createdAt]')
          .between([filter.workflow, Dexie.minKey], [filter.workflow, Dexie.maxKey])
  ).reverse()
  const states = wanted(filter)
  if (!states) return (await ordered.primaryKeys()) as string[]
  const statuses = SERVER_STATES.filter((status) => states.has(status))
  const inStates = new Set<string>()
  for (const status of statuses) {
    const keys = await db.generations
      .where('[status+createdAt]')
      .between([status, Dexie.minKey], [status, Dexie.maxKey])
      .primaryKeys()
    for (const key of keys) inStates.add(key as string)
  }
  return ((await ordered.primaryKeys()) as string[]).filter((id) => inStates.has(id))
}

/**
 * Ids of every card matching `filter`, newest first, requests on the device before synced ones.
 * Cheap at 10,000 items: it reads index keys, not records.
 */
export const historyIds = async (filter: HistoryFilter): Promise<string[]> =>
  db.transaction('r', db.outbox, db.generations, async () => {
    const local = await localIds(filter)
    const onDevice = new Set(local)
    const synced = (await syncedIds(filter)).filter((id) => !onDevice.has(id))
    return [...local, ...synced]
  })

/** History's list as the page follows it: every id matching a filter, and the first cards. */
export interface HistoryView {
  readonly ids: readonly string[]
  /** The cards of the first `FIRST_WINDOW` ids, read with them. */
  readonly items: readonly HistoryItem[]
}

/**
 * `historyIds(filter)` and the first window's cards, in one transaction: History draws its first
 * cards with the ids, with no read of its own that a catch-up's write (which holds the
 * generations store for a while) could make wait.
 */
export const historyView = async (filter: HistoryFilter): Promise<HistoryView> =>
  db.transaction('r', db.outbox, db.generations, async () => {
    const ids = await historyIds(filter)
    return { ids, items: await historyItems(ids.slice(0, FIRST_WINDOW)) }
  })

/** The cards for `ids`, in the same order; ids that no longer exist are left out. */
export const historyItems = async (ids: readonly string[]): Promise<HistoryItem[]> =>
  db.transaction('r', db.outbox, db.generations, async () => {
    const [entries, generations] = await Promise.all([
      db.outbox.bulkGet([...ids]),
      db.generations.bulkGet([...ids]),
    ])
    const items: HistoryItem[] = []
    ids.forEach((id, index) => {
      const entry = entries[index]
      const generation = generations[index]
      if (entry?.op === 'generate') items.push({ kind: 'local', id, entry })
      else if (generation) items.push({ kind: 'synced', id, generation })
    })
    return items
  })

/** One card by id, or undefined. */
export const historyItem = async (id: string): Promise<HistoryItem | undefined> =>
  (await historyItems([id]))[0]
