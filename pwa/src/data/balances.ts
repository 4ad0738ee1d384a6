import { generationCost, type Workflow } from '@app/shared-types'
import { db, type KnownBalances } from './db.ts'
import { readMeta } from './meta.ts'
import { UNSENT_STATES } from './outbox-count.ts'

/** The last balances the server sent, with their time (works offline). */
export const readBalances = async (): Promise<KnownBalances | undefined> => readMeta('balances')

/**
 * What the studio may still spend in `workflow`: the last known balance minus the cost of this
 * workflow's requests waiting on the device (docs/product.md §7).
 */
export const availableCredits = async (workflow: Workflow): Promise<number> => {
  const known = (await readBalances())?.balances[workflow] ?? 0
  const waiting = await db.outbox
    .where('state')
    .anyOf([...UNSENT_STATES])
    .filter((entry) => entry.op === 'generate' && entry.workflow === workflow)
    .toArray()
  const held = waiting.reduce((sum, entry) => sum + generationCost({ n: entry.request?.n ?? 1 }), 0)
  return Math.max(0, known - held)
}
