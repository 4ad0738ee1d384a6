import { and, eq } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { creditBalance, purchase } from '../db/schema.ts'
import { ApiError } from '../lib/api-error.ts'
import { creditChange, isDuplicateLedgerKey } from './credits.ts'
import { failUnlessStatus, findPurchase, isStaleRead } from './purchases.ts'

/** The ledger key of a purchase's reversal: a refund and then a dispute of it take back once. */
export const reversalKey = (purchaseId: string) => `reversal:${purchaseId}`

/** How a reversal ended: what the ledger took back, and what had been spent already. */
export type ReversalOutcome =
  | { outcome: 'reversed'; takenBack: number; shortfall: number }
  | { outcome: 'already-reversed' }

/**
 * Takes back what is left of a refunded or disputed purchase: its credits, but no more than the
 * workflow's balance (credits already spent cannot be taken back; they are recorded as the
 * shortfall). A purchase not completed yet (the refund delivered before the completion) is marked
 * reversed with nothing to take back, and completePurchase never grants it afterwards.
 * `paymentIntentId` is recorded when the row does not know it yet.
 */
export const reversePurchase = async (
  db: Db,
  purchaseId: string,
  paymentIntentId: string | null,
  now = new Date()
): Promise<ReversalOutcome> => {
  for (let attempt = 0; attempt < 3; attempt++) {
    const row = await findPurchase(db, purchaseId)
    if (!row) throw new ApiError('NOT_FOUND', `No purchase ${purchaseId}`)
    if (row.status === 'reversed') return { outcome: 'already-reversed' }
    const granted = row.status === 'completed' ? row.credits : 0
    const [balanceRow] = await db
      .select({ balance: creditBalance.balance })
      .from(creditBalance)
      .where(and(eq(creditBalance.userId, row.userId), eq(creditBalance.workflow, row.workflow)))
    const takenBack = Math.min(granted, Math.max(balanceRow?.balance ?? 0, 0))
    const shortfall = granted - takenBack
    try {
      await db.batch([
        db
          .update(purchase)
          .set({
            status: 'reversed',
            creditsTakenBack: takenBack,
            shortfall,
            reversedAt: now,
            paymentIntentId: row.paymentIntentId ?? paymentIntentId,
          })
          .where(and(eq(purchase.id, row.id), eq(purchase.status, row.status))),
        failUnlessStatus(db, row.id, 'reversed'),
        ...(takenBack > 0
          ? creditChange(
              db,
              {
                userId: row.userId,
                workflow: row.workflow,
                delta: -takenBack,
                reason: 'reversal',
                idemKey: reversalKey(row.id),
                note: shortfall > 0 ? `${shortfall} credits were already spent` : undefined,
              },
              now
            )
          : []),
      ])
      return { outcome: 'reversed', takenBack, shortfall }
    } catch (error) {
      if (isDuplicateLedgerKey(error)) return { outcome: 'already-reversed' }
      // The balance moved (a spend) or the purchase did (completed or reversed meanwhile): read again.
      if (!isStaleRead(error)) throw error
    }
  }
  throw new ApiError('CONFLICT', `Purchase ${purchaseId} kept changing; try again`)
}

/** The purchase paid with this PaymentIntent, if it is already recorded on the row. */
export const findPurchaseByPaymentIntent = async (db: Db, paymentIntentId: string) =>
  (
    await db
      .select({ id: purchase.id })
      .from(purchase)
      .where(eq(purchase.paymentIntentId, paymentIntentId))
  )[0]?.id
