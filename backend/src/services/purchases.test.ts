import { env } from 'cloudflare:workers'
import type Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { expectLedgerInvariant, signUp } from '../../test/accounts.ts'
import { balanceOf, ledgerRows, purchaseRow } from '../../test/payments.ts'
import { createDb, type Db } from '../db/client.ts'
import { purchase } from '../db/schema.ts'
import { creditChange } from './credits.ts'
import { reversePurchase } from './purchase-reversal.ts'
import { completePurchase } from './purchases.ts'

/**
 * `db` whose first batch waits for `meanwhile` to run first: what happens when another request
 * changes the purchase (or the balance) after this one read it and before it writes.
 */
const interleaved = (db: Db, meanwhile: () => Promise<unknown>): Db => {
  let ran = false
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'batch') return Reflect.get(target, prop, receiver)
      return async (statements: Parameters<Db['batch']>[0]) => {
        if (!ran) {
          ran = true
          await meanwhile()
        }
        return target.batch(statements)
      }
    },
  })
}

/** A user with a pending purchase of 10 product-shoot credits, and its paid session. */
const pendingPurchase = async () => {
  const { userId } = await signUp()
  const db = createDb(env.DB)
  const id = `cs_test_${crypto.randomUUID().replaceAll('-', '')}`
  await db.insert(purchase).values({
    id,
    userId,
    workflow: 'product-shoot',
    pack: 'small',
    credits: 10,
    amount: 900,
    currency: 'usd',
    status: 'pending',
  })
  const session = {
    id,
    payment_status: 'paid',
    status: 'complete',
    metadata: { userId },
    client_reference_id: userId,
    payment_intent: `pi_${id}`,
  } as unknown as Stripe.Checkout.Session
  return { db, userId, id, session, paymentIntent: `pi_${id}` }
}

describe('a completion and a reversal that read the purchase at the same time', () => {
  it('should not grant when the reversal lands after the completion read the purchase', async () => {
    const { db, userId, id, session, paymentIntent } = await pendingPurchase()
    const before = await balanceOf(userId, 'product-shoot')
    const outcome = await completePurchase(
      interleaved(db, () => reversePurchase(db, id, paymentIntent)),
      session
    )
    expect(outcome).toBe('reversed')
    expect(await ledgerRows(userId, 'purchase')).toBe(0)
    expect(await balanceOf(userId, 'product-shoot')).toBe(before)
    expect(await purchaseRow(id)).toMatchObject({ status: 'reversed', takenBack: 0 })
    await expectLedgerInvariant(userId)
  })

  it('should take the grant back when the completion lands after the reversal read the purchase', async () => {
    const { db, userId, id, session, paymentIntent } = await pendingPurchase()
    const before = await balanceOf(userId, 'product-shoot')
    const result = await reversePurchase(
      interleaved(db, () => completePurchase(db, session)),
      id,
      paymentIntent
    )
    expect(result).toEqual({ outcome: 'reversed', takenBack: 10, shortfall: 0 })
    expect(await balanceOf(userId, 'product-shoot')).toBe(before)
    expect(await ledgerRows(userId, 'purchase')).toBe(1)
    expect(await ledgerRows(userId, 'reversal')).toBe(1)
    await expectLedgerInvariant(userId)
  })

  it('should read the balance again when a spend lands after the reversal read it', async () => {
    const { db, userId, id, session, paymentIntent } = await pendingPurchase()
    await completePurchase(db, session)
    const spendAll = async () => {
      const balance = await balanceOf(userId, 'product-shoot')
      await db.batch(
        creditChange(db, {
          userId,
          workflow: 'product-shoot',
          delta: -(balance - 4),
          reason: 'generation',
          idemKey: `spend:${crypto.randomUUID()}`,
        })
      )
    }
    const result = await reversePurchase(interleaved(db, spendAll), id, paymentIntent)
    expect(result).toEqual({ outcome: 'reversed', takenBack: 4, shortfall: 6 })
    expect(await balanceOf(userId, 'product-shoot')).toBe(0)
    await expectLedgerInvariant(userId)
  })
})

describe('a payment landing after the account was deleted', () => {
  it('should grant nothing and say so, not fail for Stripe to retry', async () => {
    const { db, userId, id, session } = await pendingPurchase()
    await env.DB.prepare('DELETE FROM user WHERE id = ?').bind(userId).run()
    expect(await completePurchase(db, session)).toBe('account-deleted')
    expect(await ledgerRows(userId, 'purchase')).toBe(0)
    expect(await purchaseRow(id)).toMatchObject({ status: 'pending' })
  })
})
