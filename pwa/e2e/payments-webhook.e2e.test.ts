import { balancesSchema, checkoutResponseSchema, purchaseSchema } from '@app/shared-types'
import { describe, expect, inject, it } from 'vitest'
import * as z from 'zod'
import { PAYMENTS_KEY } from '../../scripts/lib/payments.mjs'
import { signUpFromNode } from './account.ts'

const url = (path: string) => new URL(path, inject('baseUrl')).toString()
const meSchema = z.object({ accountType: z.string(), balances: balancesSchema })

describe('buying credits against the real Worker and the Stripe simulator', () => {
  it('should grant through the signed webhook, then take back on a refund', async () => {
    const { cookie } = await signUpFromNode(inject('baseUrl'))
    const me = async () =>
      meSchema.parse(await (await fetch(url('/api/me'), { headers: { cookie } })).json())
    const before = (await me()).balances['ad-graphic']
    const res = await fetch(url('/api/credits/checkout'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: inject('baseUrl'), cookie },
      body: JSON.stringify({ workflow: 'ad-graphic', pack: 'small' }),
    })
    expect(res.status).toBe(200)
    const { url: payUrl, purchaseId } = checkoutResponseSchema.parse(await res.json())
    expect(payUrl.startsWith(inject('paymentsUrl'))).toBe(true)
    const paid = await fetch(`${payUrl}/pay`, { method: 'POST', redirect: 'manual' })
    expect(paid.headers.get('location')).toBe(url(`/credits/return?purchase=${purchaseId}`))
    // /api/me never asks Stripe: only the webhook can have granted these.
    await expect.poll(async () => (await me()).balances['ad-graphic']).toBe(before + 10)
    expect((await me()).accountType).toBe('paid')
    const purchase = purchaseSchema.parse(
      await (
        await fetch(url(`/api/credits/purchases/${purchaseId}`), { headers: { cookie } })
      ).json()
    )
    expect(purchase.status).toBe('completed')

    const session = (await (
      await fetch(`${inject('paymentsUrl')}/v1/checkout/sessions/${purchaseId}`, {
        headers: { authorization: `Bearer ${PAYMENTS_KEY}` },
      })
    ).json()) as { payment_intent: string }
    const refund = await fetch(`${inject('paymentsUrl')}/v1/refunds`, {
      method: 'POST',
      headers: { authorization: `Bearer ${PAYMENTS_KEY}` },
      body: new URLSearchParams({ payment_intent: session.payment_intent }),
    })
    expect(refund.status).toBe(200)
    await expect.poll(async () => (await me()).balances['ad-graphic']).toBe(before)
  })
})
