import {
  type CheckoutResponse,
  type CreditPackId,
  findCreditPack,
  type Purchase,
  type Workflow,
} from '@app/shared-types'
import { and, eq, inArray, ne, sql } from 'drizzle-orm'
import type Stripe from 'stripe'
import type { Db } from '../db/client.ts'
import { purchase, user } from '../db/schema.ts'
import { ApiError } from '../lib/api-error.ts'
import { creditChange, isDuplicateLedgerKey } from './credits.ts'

export type PurchaseRow = typeof purchase.$inferSelect

/** The ledger key of a purchase's grant: one grant per Checkout Session, however often Stripe tells us. */
export const purchaseKey = (purchaseId: string) => `purchase:${purchaseId}`

const WORKFLOW_NAMES: Record<Workflow, string> = {
  'product-shoot': 'product shoot',
  'ad-graphic': 'ad graphic',
}

/**
 * Opens a Stripe Checkout Session for one pack and records the purchase as pending. The price is
 * inline (`price_data`) from CREDIT_PACKS, so no product needs to exist in Stripe. `origin` is the
 * app's origin the browser returns to.
 */
export const startCheckout = async (
  db: Db,
  stripe: Stripe,
  input: { userId: string; email: string; workflow: Workflow; pack: CreditPackId; origin: string }
): Promise<CheckoutResponse> => {
  const pack = findCreditPack(input.workflow, input.pack)
  const returnUrl = `${input.origin}/credits/return?purchase={CHECKOUT_SESSION_ID}`
  let session: Stripe.Checkout.Session
  try {
    session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: pack.currency,
            unit_amount: pack.price,
            product_data: {
              name: `${pack.name}: ${pack.credits} ${WORKFLOW_NAMES[input.workflow]} credits`,
            },
          },
        },
      ],
      metadata: { userId: input.userId, workflow: input.workflow, pack: pack.id },
      client_reference_id: input.userId,
      customer_email: input.email,
      success_url: returnUrl,
      cancel_url: `${returnUrl}&canceled=1`,
    })
  } catch (error) {
    throw new ApiError('UPSTREAM_FAILED', 'The payment provider did not answer; try again', {
      cause: error,
    })
  }
  if (!session.url) throw new ApiError('UPSTREAM_FAILED', 'The payment provider gave no page')
  await db.insert(purchase).values({
    id: session.id,
    userId: input.userId,
    workflow: input.workflow,
    pack: pack.id,
    credits: pack.credits,
    amount: pack.price,
    currency: pack.currency,
    status: 'pending',
  })
  return { url: session.url, purchaseId: session.id }
}

export const findPurchase = async (db: Db, id: string): Promise<PurchaseRow | undefined> =>
  (await db.select().from(purchase).where(eq(purchase.id, id)))[0]

export const toPurchase = (row: PurchaseRow): Purchase => ({
  id: row.id,
  workflow: row.workflow,
  pack: row.pack,
  credits: row.credits,
  amount: row.amount,
  currency: row.currency,
  status: row.status,
  createdAt: row.createdAt.toISOString(),
  completedAt: row.completedAt?.toISOString() ?? null,
})

/**
 * A statement that fails the whole batch (through `purchase_reversal_bounded`) unless the purchase
 * ended it in `status`: the batch's own status change must have applied, not been pre-empted by a
 * concurrent completion or reversal that landed between our read and our write.
 */
export const failUnlessStatus = (db: Db, id: string, status: PurchaseRow['status']) =>
  db
    .update(purchase)
    .set({ creditsTakenBack: sql`${purchase.credits} + 1` })
    .where(and(eq(purchase.id, id), ne(purchase.status, status)))

/** An error's message with its cause's, where D1 puts the constraint that failed. */
const errorText = (error: unknown) =>
  error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error)

/** True when a batch failed because the purchase's state moved under it, or a balance would go negative. */
export const isStaleRead = (error: unknown): boolean =>
  /purchase_reversal_bounded|credit_balance_not_negative/.test(errorText(error))

/** How a completion ended; anything but `granted` changed nothing. */
export type CompletionOutcome =
  | 'granted'
  | 'already-completed'
  | 'reversed'
  | 'unpaid'
  | 'unknown-session'
  | 'foreign-session'
  | 'account-deleted'

/**
 * Grants a paid Checkout Session's credits to the user who started it, once: the grant, the
 * purchase marked completed and the account marked paid land in one batch, and the ledger key
 * `purchase:<session id>` makes every later attempt (webhook retries, the success redirect racing
 * the webhook) a no-op. A session we did not create, or whose metadata names another user than
 * our row, grants nothing. A purchase already reversed (refund delivered first) is never granted.
 */
export const completePurchase = async (
  db: Db,
  session: Stripe.Checkout.Session,
  now = new Date()
): Promise<CompletionOutcome> => {
  if (session.payment_status !== 'paid') return 'unpaid'
  for (let attempt = 0; attempt < 3; attempt++) {
    const row = await findPurchase(db, session.id)
    if (!row) return 'unknown-session'
    if (session.metadata?.userId !== row.userId || session.client_reference_id !== row.userId) {
      return 'foreign-session'
    }
    if (row.status === 'completed') return 'already-completed'
    if (row.status === 'reversed') return 'reversed'
    const paymentIntent =
      typeof session.payment_intent === 'string'
        ? session.payment_intent
        : (session.payment_intent?.id ?? null)
    try {
      await db.batch([
        db
          .update(purchase)
          .set({ status: 'completed', paymentIntentId: paymentIntent, completedAt: now })
          .where(and(eq(purchase.id, row.id), inArray(purchase.status, ['pending', 'expired']))),
        failUnlessStatus(db, row.id, 'completed'),
        ...creditChange(
          db,
          {
            userId: row.userId,
            workflow: row.workflow,
            delta: row.credits,
            reason: 'purchase',
            idemKey: purchaseKey(row.id),
          },
          now
        ),
        db.update(user).set({ accountType: 'paid' }).where(eq(user.id, row.userId)),
      ])
      return 'granted'
    } catch (error) {
      if (isDuplicateLedgerKey(error)) return 'already-completed'
      // The buyer deleted the account before the payment landed: nothing to credit; Stripe's
      // dashboard still has the payment, for a refund by hand.
      if (/FOREIGN KEY constraint failed/.test(errorText(error))) return 'account-deleted'
      if (!isStaleRead(error)) throw error
    }
  }
  throw new ApiError('CONFLICT', `Purchase ${session.id} kept changing; try again`)
}

/** Marks an abandoned checkout expired; a paid or reversed purchase stays as it is. */
export const expirePurchase = (db: Db, sessionId: string) =>
  db
    .update(purchase)
    .set({ status: 'expired' })
    .where(and(eq(purchase.id, sessionId), eq(purchase.status, 'pending')))

/**
 * One of the user's purchases (`NOT_FOUND` for anyone else's). A pending one is checked with
 * Stripe first: the browser comes back from Checkout at the same time as the webhook, and
 * whichever is first completes it (the same idempotent grant).
 */
export const readPurchase = async (
  db: Db,
  stripe: (() => Stripe) | undefined,
  userId: string,
  id: string
): Promise<Purchase> => {
  const row = await findPurchase(db, id)
  if (!row || row.userId !== userId) throw new ApiError('NOT_FOUND', 'No such purchase')
  if (row.status !== 'pending' || !stripe) return toPurchase(row)
  try {
    const session = await stripe().checkout.sessions.retrieve(id)
    if (session.status === 'expired') await expirePurchase(db, id)
    else await completePurchase(db, session)
  } catch (error) {
    // Stripe unreachable: the webhook will complete it; the client asks again.
    console.warn(
      JSON.stringify({
        level: 'warn',
        msg: 'checkout session check failed',
        id,
        error: String(error),
      })
    )
  }
  return toPurchase((await findPurchase(db, id)) ?? row)
}
