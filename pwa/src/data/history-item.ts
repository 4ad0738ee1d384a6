import type { Generation, Workflow } from '@app/shared-types'
import type { OutboxEntry } from './db.ts'

// What a History card is, apart from the queries that read cards (history.ts): the first cards
// draw with these before Dexie has loaded.

/** One card of the merged history list: a synced generation, or a request still on the device. */
export type HistoryItem =
  | { readonly kind: 'synced'; readonly id: string; readonly generation: Generation }
  | { readonly kind: 'local'; readonly id: string; readonly entry: OutboxEntry }

/** The state chip of a card (docs/product.md §8): device states first, then server states. */
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

/** History filters (docs/product.md §9.5). */
export interface HistoryFilter {
  readonly workflow: Workflow | 'all'
  readonly state: 'all' | 'in-progress' | 'ready' | 'failed-or-canceled'
}

export const ALL_HISTORY: HistoryFilter = { workflow: 'all', state: 'all' }

/** The card states each state filter shows (docs/product.md §9.5). */
export const FILTER_STATES: Record<Exclude<HistoryFilter['state'], 'all'>, readonly ItemState[]> = {
  'in-progress': ['waiting', 'sending', 'paused', 'queued', 'running'],
  ready: ['succeeded'],
  'failed-or-canceled': ['failed', 'canceled', 'rejected'],
}

/** The state a card shows. */
export const itemState = (item: HistoryItem): ItemState =>
  item.kind === 'local' ? item.entry.state : item.generation.status

/**
 * The workflow whose credits ran out, when the server refused this request on the device for
 * that (`OUT_OF_CREDITS`); its card offers "Buy credits" and "Send again".
 */
export const refusedForCredits = (item: HistoryItem): Workflow | undefined =>
  item.kind === 'local' &&
  item.entry.state === 'rejected' &&
  item.entry.lastError?.code === 'OUT_OF_CREDITS'
    ? item.entry.workflow
    : undefined
