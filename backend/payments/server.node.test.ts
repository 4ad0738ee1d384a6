import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Payments, startPayments } from './server.ts'
import { parseStripeForm } from './wire.ts'

const SECRET = 'whsec_node_test'

/** A stand-in for the Worker's webhook endpoint: keeps every request it gets, answers 200. */
let receiver: Server
let received: { body: string; signature: string }[] = []
let payments: Payments
let stripe: Stripe

const readAll = async (req: IncomingMessage) => {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

beforeAll(async () => {
  receiver = createServer(async (req, res) => {
    received.push({ body: await readAll(req), signature: String(req.headers['stripe-signature']) })
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}')
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  const { port } = receiver.address() as AddressInfo
  payments = await startPayments({
    port: 0,
    webhookSecret: SECRET,
    webhookUrl: `http://127.0.0.1:${port}/hook`,
  })
  // The real SDK, as the Worker configures it, against the simulator: the wire must satisfy it.
  stripe = new Stripe('sk_test_node', {
    host: '127.0.0.1',
    port: payments.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  })
})
afterAll(async () => {
  await payments.close()
  receiver.closeAllConnections()
  await new Promise<void>((resolve) => receiver.close(() => resolve()))
})

const openSession = (userId = 'user-1', email = 'buyer@example.test') =>
  stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: 'usd',
          unit_amount: 900,
          product_data: { name: 'Starter: 10 credits' },
        },
      },
    ],
    metadata: { userId, workflow: 'product-shoot', pack: 'small' },
    client_reference_id: userId,
    customer_email: email,
    success_url: 'http://app.example/credits/return?purchase={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://app.example/credits/return?purchase={CHECKOUT_SESSION_ID}&canceled=1',
  })

const press = async (url: string, button: 'pay' | 'cancel') => {
  const res = await fetch(`${url}/${button}`, { method: 'POST', redirect: 'manual' })
  expect(res.status).toBe(303)
  return res.headers.get('location')
}

/** The events the receiver got, verified with the SDK's own constructEvent, in arrival order. */
const verifiedEvents = () =>
  received.map(({ body, signature }) => stripe.webhooks.constructEvent(body, signature, SECRET))

const settle = () => payments.webhooks.idle()

describe('Stripe wire format', () => {
  it('should read bracket keys as nested objects and arrays', () => {
    expect(
      parseStripeForm(
        'mode=payment&line_items[0][quantity]=1&line_items[0][price_data][unit_amount]=900&line_items[1][quantity]=2&metadata[userId]=u1'
      )
    ).toEqual({
      mode: 'payment',
      line_items: [{ quantity: '1', price_data: { unit_amount: '900' } }, { quantity: '2' }],
      metadata: { userId: 'u1' },
    })
    expect(() => parseStripeForm('a=1&a[b]=2')).toThrow(/Invalid parameter/)
  })

  it('should create a session the SDK reads, with the fields the Worker uses', async () => {
    const session = await openSession()
    expect(session).toMatchObject({
      object: 'checkout.session',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 900,
      currency: 'usd',
      client_reference_id: 'user-1',
      metadata: { userId: 'user-1', workflow: 'product-shoot', pack: 'small' },
      payment_intent: null,
    })
    expect(session.id).toMatch(/^cs_test_[A-Za-z0-9]{24}$/)
    expect(session.url).toBe(`${payments.url}/c/pay/${session.id}`)
    expect((await stripe.checkout.sessions.retrieve(session.id)).id).toBe(session.id)
  })

  it('should answer errors in Stripe’s shape, which the SDK turns into its own errors', async () => {
    await expect(stripe.checkout.sessions.retrieve('cs_test_nope')).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      code: 'resource_missing',
      statusCode: 404,
    })
    const liveKey = new Stripe('sk_live_x', {
      host: '127.0.0.1',
      port: payments.port,
      protocol: 'http',
    })
    await expect(liveKey.checkout.sessions.retrieve('cs_test_x')).rejects.toMatchObject({
      type: 'StripeAuthenticationError',
      statusCode: 401,
    })
    const res = await fetch(`${payments.url}/v1/checkout/sessions`, { method: 'POST' })
    expect(res.status).toBe(401)
    const basic = await fetch(`${payments.url}/v1/checkout/sessions?limit=1`, {
      headers: { authorization: `Basic ${Buffer.from('sk_test_curl:').toString('base64')}` },
    })
    expect(basic.status).toBe(200)
    expect(await res.json()).toMatchObject({ error: { type: 'invalid_request_error' } })
    await expect(
      stripe.checkout.sessions.create({ mode: 'payment', success_url: 'http://app.example/' })
    ).rejects.toMatchObject({ statusCode: 400, param: 'line_items' })
  })
})

describe('the checkout page and its webhooks', () => {
  it('should pay: redirect to success_url with the session id, and send a signed completion', async () => {
    received = []
    const session = await openSession()
    const page = await fetch(session.url ?? '')
    const html = await page.text()
    expect(html).toContain('<button class="pay" type="submit">Pay</button>')
    expect(html).toContain('Starter: 10 credits')
    expect(await press(session.url ?? '', 'pay')).toBe(
      `http://app.example/credits/return?purchase=${session.id}`
    )
    await settle()
    const [event] = verifiedEvents()
    expect(event?.type).toBe('checkout.session.completed')
    const paid = event?.data.object as Stripe.Checkout.Session
    expect(paid).toMatchObject({ id: session.id, payment_status: 'paid', status: 'complete' })
    expect(paid.payment_intent).toMatch(/^pi_/)
    const listed = await stripe.checkout.sessions.list({
      payment_intent: String(paid.payment_intent),
    })
    expect(listed.data.map((s) => s.id)).toEqual([session.id])
  })

  it('should cancel: redirect to cancel_url and expire the session', async () => {
    received = []
    const session = await openSession()
    expect(await press(session.url ?? '', 'cancel')).toBe(
      `http://app.example/credits/return?purchase=${session.id}&canceled=1`
    )
    await settle()
    expect(verifiedEvents().map((e) => e.type)).toEqual(['checkout.session.expired'])
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('expired')
  })

  it('should refund through POST /v1/refunds, and refuse a second refund', async () => {
    received = []
    const session = await openSession()
    await press(session.url ?? '', 'pay')
    const { payment_intent } = await stripe.checkout.sessions.retrieve(session.id)
    const refund = await stripe.refunds.create({ payment_intent: String(payment_intent) })
    expect(refund).toMatchObject({ object: 'refund', status: 'succeeded', amount: 900 })
    await expect(
      stripe.refunds.create({ payment_intent: String(payment_intent) })
    ).rejects.toMatchObject({
      code: 'charge_already_refunded',
    })
    await settle()
    const refunded = verifiedEvents().find((e) => e.type === 'charge.refunded')
    expect(refunded?.data.object).toMatchObject({
      payment_intent,
      refunded: true,
      amount_refunded: 900,
    })
  })
})

describe('delivery faults', () => {
  const fault = (body: unknown) =>
    fetch(`${payments.url}/control/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  it('should deliver an event several times when asked to duplicate it', async () => {
    received = []
    expect((await fault({ fault: 'duplicate', copies: 3 })).status).toBe(200)
    const session = await openSession()
    await press(session.url ?? '', 'pay')
    await settle()
    const ids = verifiedEvents().map((e) => e.id)
    expect(ids).toHaveLength(3)
    expect(new Set(ids).size).toBe(1)
  })

  it('should hold an event back until the next one was delivered when asked to reorder', async () => {
    received = []
    await fault({ fault: 'reorder', type: 'checkout.session.completed' })
    const session = await openSession()
    await press(session.url ?? '', 'pay')
    const { payment_intent } = await stripe.checkout.sessions.retrieve(session.id)
    await stripe.refunds.create({ payment_intent: String(payment_intent) })
    await settle()
    expect(verifiedEvents().map((e) => e.type)).toEqual([
      'charge.refunded',
      'checkout.session.completed',
    ])
  })

  it('should still deliver a delayed event, once, and say it was delayed', async () => {
    received = []
    await fault({ fault: 'delay', ms: 50, type: 'checkout.session.expired' })
    const session = await openSession()
    await press(session.url ?? '', 'cancel')
    await settle()
    expect(verifiedEvents().map((e) => e.type)).toEqual(['checkout.session.expired'])
    const [sent] = (await (
      await fetch(`${payments.url}/events?type=checkout.session.expired`)
    ).json()) as {
      faults: string[]
    }[]
    expect(sent?.faults).toEqual(['delay'])
  })

  it('should take a fault from the buyer’s email, for that session only', async () => {
    received = []
    const marked = await openSession('user-1', 'buyer+stripe-duplicate@example.test')
    const plain = await openSession()
    await press(plain.url ?? '', 'pay')
    await press(marked.url ?? '', 'pay')
    await settle()
    const ids = (sessionId: string) =>
      verifiedEvents()
        .filter((e) => (e.data.object as { id: string }).id === sessionId)
        .map((e) => e.id)
    expect(ids(plain.id)).toHaveLength(1)
    expect(ids(marked.id)).toHaveLength(2)
  })

  it('should dispute a payment right after it when the email asks', async () => {
    received = []
    const session = await openSession('user-1', 'buyer+stripe-dispute@example.test')
    await press(session.url ?? '', 'pay')
    await settle()
    expect(verifiedEvents().map((e) => e.type)).toEqual([
      'checkout.session.completed',
      'charge.dispute.created',
    ])
  })

  it('should refuse a fault it does not know', async () => {
    expect((await fault({ fault: 'explode' })).status).toBe(400)
  })

  it('should dispute a payment and list what it sent', async () => {
    received = []
    const session = await openSession()
    await press(session.url ?? '', 'pay')
    const { payment_intent } = await stripe.checkout.sessions.retrieve(session.id)
    const res = await fetch(`${payments.url}/control/disputes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payment_intent }),
    })
    expect(res.status).toBe(200)
    await settle()
    expect(verifiedEvents().map((e) => e.type)).toEqual([
      'checkout.session.completed',
      'charge.dispute.created',
    ])
    const sent = (await (
      await fetch(`${payments.url}/events?type=charge.dispute.created`)
    ).json()) as {
      attempts: { status: number }[]
    }[]
    expect(sent[0]?.attempts).toEqual([expect.objectContaining({ status: 200 })])
  })
})
