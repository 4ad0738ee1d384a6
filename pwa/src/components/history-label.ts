import { outboxErrorText } from '../data/error-text.ts'
import type { HistoryItem, ItemState } from '../data/history.ts'
import { readyLabel, STATE_LABELS } from './history-format.ts'

/**
 * The state label of a card (docs/product.md §8): "Not sent: {reason}" for a refused request, the
 * partial-result sentence for a generation that delivered fewer images than asked, else the
 * state's word.
 */
export const itemLabel = (item: HistoryItem, state: ItemState): string => {
  if (item.kind === 'local') {
    const { lastError, workflow } = item.entry
    if (state === 'rejected' && lastError) return outboxErrorText(lastError, workflow)
    return STATE_LABELS[state]
  }
  const { images, params, refunded } = item.generation
  if (state === 'succeeded') return readyLabel(images.length, params.n, refunded)
  return STATE_LABELS[state]
}
