import { env } from 'cloudflare:workers'
import {
  type CreditPackId,
  checkoutResponseSchema,
  purchaseSchema,
  type Workflow,
} from '@app/shared-types'
import { expect, inject } from 'vitest'
import type { SentEvent } from '../payments/webhooks.ts'
import { getWith, postJson } from './accounts.ts'
import { call } from './api.ts'

const hex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('')

/** A `Stripe-Signature` for `payload`, signed as Stripe does with the Worker's webhook secret. */
export const stripeSignature = async (
  payload: string,
  secret = env.STRIPE_WEBHOOK_SECRET,
  timestamp = Math.floor(Date.now() / 1000)
) => {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign']
  )
  const mac = await crypto.subtle.sign(
    'HMAC',
    key,
    new TextEncoder().encode(`${timestamp}.${payload}`)
  )
  return `t=${timestamp},v1=${hex(mac)}`
}

/** Posts a webhook body to the Worker as Stripe does; `signature: null` sends none. */
export const postWebhook = async (payload: string, signature?: string | null) =>
  call('/api/payments/webhook', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature === null
        ? {}
        : { 'stripe-signature': signature ?? (await stripeSignature(payload)) }),
    },
    body: payload,
  })

/** A signed Stripe event built here, for events the simulator would never send. */
export const eventPayload = (type: string, object: unknown) =>
  JSON.stringify({
    id: `evt_test_${crypto.randomUUID().replaceAll('-', '')}`,
    object: 'event',
    api_version: '2026-11-18.endive',
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    type,
  })

/** The events the Stripe simulator sent so far, newest first. */
export const sentEvents = async (type?: string): Promise<SentEvent[]> => {
  const res = await fetch(`${inject('paymentsUrl')}/events${type ? `?type=${type}` : ''}`)
  return (await res.json()) as SentEvent[]
}

/** The simulator's newest event of `type` whose object has `field` equal to `value`. */
export const findEvent = async (type: string, field: string, value: string) => {
  const events = await sentEvents(type)
  const found = events.find(
    (event) =>
      (JSON.parse(event.payload) as { data: { object: Record<string, unknown> } }).data.object[
        field
      ] === value
  )
  if (!found) throw new Error(`No ${type} event with ${field} = ${value}`)
  return found
}

/** `POST /api/credits/checkout` as the signed-in browser sends it. */
export const startCheckout = async (cookie: string, workflow: Workflow, pack: CreditPackId) => {
  const res = await postJson('/api/credits/checkout', { workflow, pack }, { cookie })
  expect(res.status, await res.clone().text()).toBe(200)
  return checkoutResponseSchema.parse(await res.json())
}

/** Presses Pay (or Cancel) on the simulator's checkout page; returns where it redirects. */
export const pressOnCheckoutPage = async (url: string, button: 'pay' | 'cancel') => {
  const res = await fetch(`${url}/${button}`, { method: 'POST', redirect: 'manual' })
  expect(res.status).toBe(303)
  return res.headers.get('location') ?? ''
}

/** The session the simulator holds for a purchase, as the Stripe API answers it. */
export const stripeSession = async (id: string) => {
  const res = await fetch(`${inject('paymentsUrl')}/v1/checkout/sessions/${id}`, {
    headers: { authorization: `Bearer ${env.STRIPE_SECRET_KEY}` },
  })
  return (await res.json()) as { id: string; payment_intent: string | null; status: string }
}

/** Refunds a payment through the simulator's Stripe API, as the operator would in Stripe. */
export const refund = async (paymentIntent: string) => {
  const res = await fetch(`${inject('paymentsUrl')}/v1/refunds`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${env.STRIPE_SECRET_KEY}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ payment_intent: paymentIntent }),
  })
  expect(res.status).toBe(200)
}

/** Opens a dispute of a payment on the simulator. */
export const dispute = async (paymentIntent: string) => {
  const res = await fetch(`${inject('paymentsUrl')}/control/disputes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ payment_intent: paymentIntent }),
  })
  expect(res.status).toBe(200)
}

/** Delivers an event the simulator sent (it cannot reach the Worker under test) with a fresh signature. */
export const deliver = (event: SentEvent) => postWebhook(event.payload)

/** `GET /api/credits/purchases/:id` as the owner. */
export const readPurchase = async (cookie: string, id: string) => {
  const res = await getWith(`/api/credits/purchases/${id}`, cookie)
  expect(res.status, await res.clone().text()).toBe(200)
  return purchaseSchema.parse(await res.json())
}

/** The purchase row as stored, with the columns clients never see. */
export const purchaseRow = (id: string) =>
  env.DB.prepare(
    'SELECT status, credits_taken_back AS takenBack, shortfall, payment_intent_id AS paymentIntent FROM purchase WHERE id = ?'
  )
    .bind(id)
    .first<{ status: string; takenBack: number; shortfall: number; paymentIntent: string | null }>()

/** A user's balance in one workflow, straight from D1. */
export const balanceOf = async (userId: string, workflow: Workflow) =>
  (
    await env.DB.prepare('SELECT balance FROM credit_balance WHERE user_id = ? AND workflow = ?')
      .bind(userId, workflow)
      .first<{ balance: number }>()
  )?.balance ?? 0

/** How many ledger rows of `reason` a user has. */
export const ledgerRows = async (userId: string, reason: string) =>
  (
    await env.DB.prepare('SELECT count(*) AS n FROM credit_ledger WHERE user_id = ? AND reason = ?')
      .bind(userId, reason)
      .first<{ n: number }>()
  )?.n ?? 0
