import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import * as z from 'zod'
import type { AppEnv } from '../env.ts'
import { ApiError } from '../lib/api-error.ts'
import { stripeClient, verifyStripeEvent } from '../lib/stripe-client.ts'
import type { RouteDoc } from '../openapi/route-doc.ts'
import { handlePaymentEvent } from '../services/payment-events.ts'

// Stripe's events about a Checkout Session or a charge are a few KB; this only bounds what an
// unsigned caller can make the Worker hash.
const WEBHOOK_BODY_MAX = 256 * 1024

const SUSPICIOUS = new Set([
  'unknown-session',
  'foreign-session',
  'unknown-payment',
  'account-deleted',
])

const receivedSchema = z.object({ received: z.literal(true) })

/**
 * Stripe's webhook. No session and no origin check: Stripe calls it, and the signature over the
 * raw body is what proves that. A bad or missing signature changes nothing (400).
 */
export const payments = new Hono<AppEnv>().post(
  '/webhook',
  bodyLimit({
    maxSize: WEBHOOK_BODY_MAX,
    onError: () => {
      throw new ApiError('PAYLOAD_TOO_LARGE', 'A webhook body is at most 256 KB')
    },
  }),
  async (c) => {
    const { payments: config } = c.var.config
    const event = await verifyStripeEvent(
      config,
      await c.req.text(),
      c.req.header('stripe-signature')
    )
    const result = await handlePaymentEvent(c.var.db, () => stripeClient(config), event)
    // A paid session or a payment that is not ours is acknowledged, but someone should look at it.
    const suspicious = SUSPICIOUS.has(result.outcome)
    const log = suspicious ? console.warn : console.log
    log(
      JSON.stringify({
        level: suspicious ? 'warn' : 'info',
        msg: 'payment event',
        requestId: c.var.requestId,
        eventId: event.id,
        ...result,
      })
    )
    return c.json({ received: true } as const)
  }
)

export const paymentsDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/payments/webhook',
    summary: 'Stripe webhook (signed with Stripe-Signature); not for clients',
    tag: 'credits',
    headers: z.object({ 'stripe-signature': z.string() }),
    body: {
      contentType: 'application/json',
      schema: z.object({ id: z.string(), type: z.string() }),
    },
    responses: { 200: { description: 'The event was applied or ignored', schema: receivedSchema } },
    errors: ['INVALID_SIGNATURE', 'PAYLOAD_TOO_LARGE', 'SERVICE_UNAVAILABLE'],
  },
]
