import { env } from 'cloudflare:workers'
import { CREDIT_PACKS } from '@app/shared-types'
import { describe, expect, it } from 'vitest'
import { expectLedgerInvariant, signUp } from '../../test/accounts.ts'
import { errorBody } from '../../test/api.ts'
import {
  balanceOf,
  deliver,
  dispute,
  eventPayload,
  findEvent,
  ledgerRows,
  postWebhook,
  pressOnCheckoutPage,
  purchaseRow,
  refund,
  startCheckout,
  stripeSession,
  stripeSignature,
} from '../../test/payments.ts'
import { createDb } from '../db/client.ts'
import { creditChange } from '../services/credits.ts'

const SMALL = CREDIT_PACKS['product-shoot'][0]

/** A signed-up user who paid for the small product-shoot pack; the webhook not delivered yet. */
const paidCheckout = async () => {
  const user = await signUp()
  const { url, purchaseId } = await startCheckout(user.cookie, 'product-shoot', 'small')
  await pressOnCheckoutPage(url, 'pay')
  const completed = await findEvent('checkout.session.completed', 'id', purchaseId)
  const paymentIntent = (await stripeSession(purchaseId)).payment_intent ?? ''
  return { ...user, purchaseId, completed, paymentIntent }
}

/** balance = SUM(ledger) in every workflow, and no balance below 0. */
const expectConsistent = async (userId: string) => {
  await expectLedgerInvariant(userId)
  const { results } = await env.DB.prepare('SELECT balance FROM credit_balance WHERE user_id = ?')
    .bind(userId)
    .all<{ balance: number }>()
  for (const { balance } of results) expect(balance).toBeGreaterThanOrEqual(0)
}

/** Spends credits as a generation would, straight through the ledger. */
const spend = (userId: string, amount: number) =>
  createDb(env.DB).batch(
    creditChange(createDb(env.DB), {
      userId,
      workflow: 'product-shoot',
      delta: -amount,
      reason: 'generation',
      idemKey: `spend:${crypto.randomUUID()}`,
    })
  )

describe('POST /api/payments/webhook: signatures', () => {
  it('should refuse a bad signature with INVALID_SIGNATURE and grant nothing', async () => {
    const { userId, completed } = await paidCheckout()
    const before = await balanceOf(userId, 'product-shoot')
    for (const signature of [
      await stripeSignature(completed.payload, 'whsec_someone_else'),
      await stripeSignature(`${completed.payload} `),
      await stripeSignature(completed.payload, undefined, Math.floor(Date.now() / 1000) - 3600),
      't=1,v1=00',
      'garbage',
    ]) {
      const res = await postWebhook(completed.payload, signature)
      expect(res.status, signature).toBe(400)
      expect((await errorBody(res)).code).toBe('INVALID_SIGNATURE')
    }
    expect(await balanceOf(userId, 'product-shoot')).toBe(before)
    expect(await ledgerRows(userId, 'purchase')).toBe(0)
  })

  it('should refuse a missing Stripe-Signature header', async () => {
    const { userId, completed } = await paidCheckout()
    const res = await postWebhook(completed.payload, null)
    expect(res.status).toBe(400)
    expect((await errorBody(res)).code).toBe('INVALID_SIGNATURE')
    expect(await ledgerRows(userId, 'purchase')).toBe(0)
  })

  it('should refuse a body over 256 KB before reading its signature', async () => {
    const res = await postWebhook('x'.repeat(256 * 1024 + 1), 't=1,v1=00')
    expect(res.status).toBe(413)
    expect((await errorBody(res)).code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('should acknowledge an event type it does not handle and change nothing', async () => {
    const res = await postWebhook(eventPayload('customer.created', { id: 'cus_1' }))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ received: true })
  })
})

describe('POST /api/payments/webhook: completion', () => {
  it('should grant once when the same event arrives 20 times at once', async () => {
    const { userId, purchaseId, completed } = await paidCheckout()
    const before = await balanceOf(userId, 'product-shoot')
    const answers = await Promise.all(Array.from({ length: 20 }, () => deliver(completed)))
    expect(answers.map((res) => res.status)).toEqual(Array(20).fill(200))
    expect(await balanceOf(userId, 'product-shoot')).toBe(before + SMALL.credits)
    expect(await ledgerRows(userId, 'purchase')).toBe(1)
    expect(await purchaseRow(purchaseId)).toMatchObject({ status: 'completed' })
    await expectConsistent(userId)
  })

  it('should not grant a session whose metadata names another user than the one who bought', async () => {
    const buyer = await paidCheckout()
    const caller = await signUp()
    const session = JSON.parse(buyer.completed.payload).data.object
    const forged = {
      ...session,
      metadata: { ...session.metadata, userId: caller.userId },
      client_reference_id: caller.userId,
    }
    const res = await postWebhook(eventPayload('checkout.session.completed', forged))
    expect(res.status).toBe(200)
    expect(await ledgerRows(caller.userId, 'purchase')).toBe(0)
    expect(await ledgerRows(buyer.userId, 'purchase')).toBe(0)
    expect(await purchaseRow(buyer.purchaseId)).toMatchObject({ status: 'pending' })
  })

  it('should not grant a paid session our checkout never created', async () => {
    const caller = await signUp()
    const res = await postWebhook(
      eventPayload('checkout.session.completed', {
        id: `cs_test_${crypto.randomUUID().replaceAll('-', '')}`,
        object: 'checkout.session',
        payment_status: 'paid',
        status: 'complete',
        client_reference_id: caller.userId,
        metadata: { userId: caller.userId, workflow: 'product-shoot', pack: 'large' },
        payment_intent: 'pi_forged',
        amount_total: 1,
        currency: 'usd',
      })
    )
    expect(res.status).toBe(200)
    expect(await ledgerRows(caller.userId, 'purchase')).toBe(0)
  })
})

describe('POST /api/payments/webhook: refunds and disputes', () => {
  it('should take back only what is left after spending, recording the shortfall', async () => {
    const { userId, purchaseId, completed, paymentIntent } = await paidCheckout()
    expect((await deliver(completed)).status).toBe(200)
    const balance = await balanceOf(userId, 'product-shoot')
    await spend(userId, balance - 3)
    await refund(paymentIntent)
    expect(
      (await deliver(await findEvent('charge.refunded', 'payment_intent', paymentIntent))).status
    ).toBe(200)
    expect(await balanceOf(userId, 'product-shoot')).toBe(0)
    expect(await purchaseRow(purchaseId)).toMatchObject({
      status: 'reversed',
      takenBack: 3,
      shortfall: SMALL.credits - 3,
    })
    expect(await ledgerRows(userId, 'reversal')).toBe(1)
    await expectConsistent(userId)
  })

  it('should take nothing more when a dispute follows the refund', async () => {
    const { userId, purchaseId, completed, paymentIntent } = await paidCheckout()
    await deliver(completed)
    const before = await balanceOf(userId, 'product-shoot')
    await refund(paymentIntent)
    await deliver(await findEvent('charge.refunded', 'payment_intent', paymentIntent))
    expect(await balanceOf(userId, 'product-shoot')).toBe(before - SMALL.credits)
    await dispute(paymentIntent)
    const disputed = await findEvent('charge.dispute.created', 'payment_intent', paymentIntent)
    expect((await deliver(disputed)).status).toBe(200)
    expect((await deliver(disputed)).status).toBe(200)
    expect(await balanceOf(userId, 'product-shoot')).toBe(before - SMALL.credits)
    expect(await purchaseRow(purchaseId)).toMatchObject({
      status: 'reversed',
      takenBack: SMALL.credits,
      shortfall: 0,
    })
    expect(await ledgerRows(userId, 'reversal')).toBe(1)
    await expectConsistent(userId)
  })

  it('should end consistent when the refund arrives before the completion, never granting after it', async () => {
    const { userId, purchaseId, completed, paymentIntent } = await paidCheckout()
    const before = await balanceOf(userId, 'product-shoot')
    await refund(paymentIntent)
    expect(
      (await deliver(await findEvent('charge.refunded', 'payment_intent', paymentIntent))).status
    ).toBe(200)
    expect(await purchaseRow(purchaseId)).toMatchObject({
      status: 'reversed',
      takenBack: 0,
      shortfall: 0,
      paymentIntent,
    })
    expect((await deliver(completed)).status).toBe(200)
    expect(await balanceOf(userId, 'product-shoot')).toBe(before)
    expect(await ledgerRows(userId, 'purchase')).toBe(0)
    expect(await purchaseRow(purchaseId)).toMatchObject({ status: 'reversed' })
    await expectConsistent(userId)
  })

  it('should take back once when a refund and its completion race 10 times each', async () => {
    const { userId, purchaseId, completed, paymentIntent } = await paidCheckout()
    const before = await balanceOf(userId, 'product-shoot')
    await refund(paymentIntent)
    const refunded = await findEvent('charge.refunded', 'payment_intent', paymentIntent)
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => [deliver(completed), deliver(refunded)]).flat()
    )
    expect(answers.map((res) => res.status)).toEqual(Array(20).fill(200))
    const row = await purchaseRow(purchaseId)
    expect(row?.status).toBe('reversed')
    // Whichever landed first, the account ends where it started: granted and taken back, or neither.
    expect(await balanceOf(userId, 'product-shoot')).toBe(before)
    expect(await ledgerRows(userId, 'purchase')).toBe(await ledgerRows(userId, 'reversal'))
    await expectConsistent(userId)
  })
})
