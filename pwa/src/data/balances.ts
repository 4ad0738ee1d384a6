import type { Workflow } from '@app/shared-types'
import type { KnownBalances } from './db.ts'

/** The last balances the server sent, with their time (works offline). */
export const readBalances = async (): Promise<KnownBalances | undefined> => {
  throw new Error('not implemented yet')
}

/**
 * What the studio may still spend in `workflow`: the last known balance minus the cost of this
 * workflow's requests waiting on the device (product.md §7).
 */
export const availableCredits = async (workflow: Workflow): Promise<number> => {
  throw new Error(`not implemented yet (${workflow})`)
}
