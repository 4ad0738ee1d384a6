import { env } from 'cloudflare:workers'
import { CREDIT_PACKS } from '@app/shared-types'
import { describe, expect, it } from 'vitest'
import { expectLedgerInvariant, getWith, ORIGIN, postJson, signUp } from '../../test/accounts.ts'
import { errorBody } from '../../test/api.ts'
import {
  balanceOf,
  deliver,
  findEvent,
  ledgerRows,
  pressOnCheckoutPage,
  readPurchase,
  startCheckout,
  stripeSession,
} from '../../test/payments.ts'

const STUDIO = CREDIT_PACKS['ad-graphic'][1]

describe('POST /api/credits/checkout', () => {
  it('should open a Checkout Session for the pack and record the purchase as pending', async () => {
    const { cookie } = await signUp()
    const { url, purchaseId } = await startCheckout(cookie, 'ad-graphic', 'medium')
    expect(purchaseId).toMatch(/^cs_test_/)
    expect(url).toContain(purchaseId)
    const purchase = await readPurchase(cookie, purchaseId)
    expect(purchase).toMatchObject({
      status: 'pending',
      workflow: 'ad-graphic',
      pack: 'medium',
      credits: STUDIO.credits,
      amount: STUDIO.price,
      currency: 'usd',
      completedAt: null,
    })
  })

  it('should send the buyer back to the app with the session id, paid or canceled', async () => {
    const { cookie } = await signUp()
    const paid = await startCheckout(cookie, 'ad-graphic', 'small')
    expect(await pressOnCheckoutPage(paid.url, 'pay')).toBe(
      `${ORIGIN}/credits/return?purchase=${paid.purchaseId}`
    )
    const canceled = await startCheckout(cookie, 'ad-graphic', 'small')
    expect(await pressOnCheckoutPage(canceled.url, 'cancel')).toBe(
      `${ORIGIN}/credits/return?purchase=${canceled.purchaseId}&canceled=1`
    )
  })

  it.each([
    { workflow: 'ad-graphic', pack: 'huge' },
    { workflow: 'video', pack: 'small' },
    { workflow: 'ad-graphic' },
    { workflow: 'ad-graphic', pack: 'small', price: 1 },
  ])('should refuse %o with VALIDATION_FAILED', async (body) => {
    const { cookie } = await signUp()
    const res = await postJson('/api/credits/checkout', body, { cookie })
    expect(res.status).toBe(400)
    expect((await errorBody(res)).code).toBe('VALIDATION_FAILED')
  })

  it('should need a verified email', async () => {
    const { cookie } = await signUp({ verified: false })
    const res = await postJson(
      '/api/credits/checkout',
      { workflow: 'ad-graphic', pack: 'small' },
      { cookie }
    )
    expect(res.status).toBe(403)
    expect((await errorBody(res)).code).toBe('EMAIL_NOT_VERIFIED')
  })

  it('should need a session and the app’s origin', async () => {
    const body = { workflow: 'ad-graphic', pack: 'small' }
    expect((await postJson('/api/credits/checkout', body)).status).toBe(401)
    const { cookie } = await signUp()
    const res = await postJson('/api/credits/checkout', body, {
      cookie,
      origin: 'https://evil.example',
    })
    expect(res.status).toBe(403)
  })
})

describe('GET /api/credits/purchases/:id', () => {
  it('should complete a paid purchase when the buyer returns before the webhook, once', async () => {
    const { cookie, userId } = await signUp()
    const before = await balanceOf(userId, 'ad-graphic')
    const { url, purchaseId } = await startCheckout(cookie, 'ad-graphic', 'medium')
    await pressOnCheckoutPage(url, 'pay')
    const purchase = await readPurchase(cookie, purchaseId)
    expect(purchase.status).toBe('completed')
    expect(purchase.completedAt).not.toBeNull()
    expect(await balanceOf(userId, 'ad-graphic')).toBe(before + STUDIO.credits)
    // The webhook arrives afterwards: acknowledged, nothing granted twice.
    const res = await deliver(await findEvent('checkout.session.completed', 'id', purchaseId))
    expect(res.status).toBe(200)
    expect(await balanceOf(userId, 'ad-graphic')).toBe(before + STUDIO.credits)
    expect(await ledgerRows(userId, 'purchase')).toBe(1)
    const { accountType } =
      (await env.DB.prepare('SELECT account_type AS accountType FROM user WHERE id = ?')
        .bind(userId)
        .first<{ accountType: string }>()) ?? {}
    expect(accountType).toBe('paid')
    expect((await stripeSession(purchaseId)).status).toBe('complete')
    await expectLedgerInvariant(userId)
  })

  it('should be NOT_FOUND for another user’s purchase', async () => {
    const owner = await signUp()
    const other = await signUp()
    const { purchaseId } = await startCheckout(owner.cookie, 'product-shoot', 'small')
    const res = await getWith(`/api/credits/purchases/${purchaseId}`, other.cookie)
    expect(res.status).toBe(404)
    expect((await errorBody(res)).code).toBe('NOT_FOUND')
  })

  it('should mark a canceled checkout expired', async () => {
    const { cookie } = await signUp()
    const { url, purchaseId } = await startCheckout(cookie, 'product-shoot', 'small')
    await pressOnCheckoutPage(url, 'cancel')
    expect((await readPurchase(cookie, purchaseId)).status).toBe('expired')
  })
})
