import type { Balances, Workflow } from '@app/shared-types'
import type { Db } from '../db/client.ts'
import { ApiError } from '../lib/api-error.ts'
import { creditChange, getBalances, isDuplicateLedgerKey } from './credits.ts'
import { findAccount } from './operator-account.ts'

/** An operator's correction of one balance, up or down, as `npm run credits -- adjust` sends it. */
export type AdjustInput = {
  email: string
  workflow: Workflow
  amount: number
  reason: string
  idemKey: string
}

/** What an adjustment did: `adjusted` false means this idempotency key was already used. */
export type AdjustResult = { userId: string; adjusted: boolean; balances: Balances }

/** True when D1 refused a batch because a balance would have gone below 0. */
export const isOverdraft = (error: unknown): boolean =>
  /CHECK constraint failed: credit_balance_not_negative/.test(
    error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error)
  )

/**
 * Adds or takes away credits with an `adjustment` ledger row, safe to repeat with the same key.
 * A take-away larger than the balance is refused by the balance's CHECK inside the batch, so
 * nothing changes, and answers `OUT_OF_CREDITS`.
 */
export const adjustCredits = async (db: Db, input: AdjustInput): Promise<AdjustResult> => {
  const account = await findAccount(db, input.email)
  const change = creditChange(db, {
    userId: account.id,
    workflow: input.workflow,
    delta: input.amount,
    reason: 'adjustment',
    idemKey: input.idemKey,
    note: input.reason,
  })
  let adjusted = true
  try {
    await db.batch(change)
  } catch (error) {
    if (isOverdraft(error)) {
      const balance = (await getBalances(db, account.id))[input.workflow]
      throw new ApiError(
        'OUT_OF_CREDITS',
        `Refused: ${input.email} has ${balance} ${input.workflow} credit(s); taking ${-input.amount} would go below 0. Nothing changed.`
      )
    }
    if (!isDuplicateLedgerKey(error)) throw error
    adjusted = false
  }
  return { userId: account.id, adjusted, balances: await getBalances(db, account.id) }
}
