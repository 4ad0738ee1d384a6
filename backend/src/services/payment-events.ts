import type Stripe from 'stripe'
import type { Db } from '../db/client.ts'
import { findPurchaseByPaymentIntent, reversePurchase } from './purchase-reversal.ts'
import { completePurchase, expirePurchase, findPurchase } from './purchases.ts'

/** What one webhook event did, for the log line; `ignored` events change nothing. */
export type EventOutcome = { type: string; outcome: string; purchaseId?: string }

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === 'string' ? value : (value?.id ?? null)

/**
 * Our purchase paid with `paymentIntentId`. The row learns the PaymentIntent at completion; a
 * refund or dispute delivered before that is matched through Stripe's list of Checkout Sessions
 * by PaymentIntent, and only to a session we created.
 */
const purchaseOfPaymentIntent = async (
  db: Db,
  stripe: () => Stripe,
  paymentIntentId: string
): Promise<string | undefined> => {
  const known = await findPurchaseByPaymentIntent(db, paymentIntentId)
  if (known) return known
  const { data } = await stripe().checkout.sessions.list({
    payment_intent: paymentIntentId,
    limit: 1,
  })
  const sessionId = data[0]?.id
  return sessionId && (await findPurchase(db, sessionId)) ? sessionId : undefined
}

const reverse = async (
  db: Db,
  stripe: () => Stripe,
  type: string,
  paymentIntent: string | { id: string } | null
): Promise<EventOutcome> => {
  const paymentIntentId = idOf(paymentIntent)
  const purchaseId = paymentIntentId
    ? await purchaseOfPaymentIntent(db, stripe, paymentIntentId)
    : undefined
  if (!purchaseId || !paymentIntentId) return { type, outcome: 'unknown-payment' }
  const result = await reversePurchase(db, purchaseId, paymentIntentId)
  return {
    type,
    purchaseId,
    outcome:
      result.outcome === 'reversed'
        ? `reversed (taken back ${result.takenBack}, shortfall ${result.shortfall})`
        : result.outcome,
  }
}

/**
 * Applies one verified Stripe event. Every branch is idempotent, so Stripe's retries and duplicate
 * deliveries are harmless; an event about a payment that is not ours (another app on the same
 * Stripe account, a session whose metadata names another user) changes nothing and is still
 * acknowledged, so Stripe stops sending it.
 */
export const handlePaymentEvent = async (
  db: Db,
  stripe: () => Stripe,
  event: Stripe.Event
): Promise<EventOutcome> => {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object
      return {
        type: event.type,
        purchaseId: session.id,
        outcome: await completePurchase(db, session),
      }
    }
    case 'checkout.session.expired': {
      await expirePurchase(db, event.data.object.id)
      return { type: event.type, purchaseId: event.data.object.id, outcome: 'expired' }
    }
    case 'charge.refunded':
      return reverse(db, stripe, event.type, event.data.object.payment_intent)
    case 'charge.dispute.created':
      return reverse(db, stripe, event.type, event.data.object.payment_intent)
    default:
      return { type: event.type, outcome: 'ignored' }
  }
}
