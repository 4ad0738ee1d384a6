import type { Generation, Workflow } from '@app/shared-types'
import type { OutboxEntry } from './db.ts'

/** One card of the merged history list: a synced generation, or a request still on the device. */
export type HistoryItem =
  | { readonly kind: 'synced'; readonly id: string; readonly generation: Generation }
  | { readonly kind: 'local'; readonly id: string; readonly entry: OutboxEntry }

/** The state chip of a card (product.md §8): device states first, then server states. */
export type ItemState =
  | 'waiting'
  | 'sending'
  | 'paused'
  | 'rejected'
  | 'queued'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'canceled'

/** History filters (product.md §9.5). */
export interface HistoryFilter {
  readonly workflow: Workflow | 'all'
  readonly state: 'all' | 'in-progress' | 'ready' | 'failed-or-canceled'
}

export const ALL_HISTORY: HistoryFilter = { workflow: 'all', state: 'all' }

/** The state a card shows. */
export const itemState = (item: HistoryItem): ItemState => {
  throw new Error(`not implemented yet (${item.id})`)
}

/**
 * Ids of every card matching `filter`, newest first, requests on the device before synced ones.
 * Cheap at 10,000 items: it reads index keys, not records.
 */
export const historyIds = async (filter: HistoryFilter): Promise<string[]> => {
  throw new Error(`not implemented yet (${filter.workflow})`)
}

/** The cards for `ids`, in the same order; ids that no longer exist are left out. */
export const historyItems = async (ids: readonly string[]): Promise<HistoryItem[]> => {
  throw new Error(`not implemented yet (${ids.length})`)
}

/** One card by id, or undefined. */
export const historyItem = async (id: string): Promise<HistoryItem | undefined> => {
  throw new Error(`not implemented yet (${id})`)
}
