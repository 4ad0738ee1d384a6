import { checkoutRequestSchema, checkoutResponseSchema, purchaseSchema } from '@app/shared-types'
import { Hono } from 'hono'
import * as z from 'zod'
import { stripeClient } from '../lib/stripe-client.ts'
import { validate } from '../lib/validator.ts'
import {
  type AuthedEnv,
  requireSession,
  requireVerifiedEmail,
} from '../middleware/require-session.ts'
import { trustedOrigin } from '../middleware/trusted-origin.ts'
import type { RouteDoc } from '../openapi/route-doc.ts'
import { readPurchase, startCheckout } from '../services/purchases.ts'

// A Checkout Session id (`cs_test_…`, `cs_live_…`); Stripe's run to about 70 characters.
const purchaseParams = z.object({ id: z.string().regex(/^cs_[A-Za-z0-9_]{1,250}$/) })

/**
 * Buying credits, under `/api/credits` beside the ledger. Middleware is per route: this app shares
 * its prefix with the ledger's, and a `use` here would run on the ledger's requests too.
 */
export const purchases = new Hono<AuthedEnv>()
  .post(
    '/checkout',
    trustedOrigin(),
    requireSession(),
    requireVerifiedEmail(),
    validate('json', checkoutRequestSchema),
    async (c) => {
      const stripe = stripeClient(c.var.config.payments)
      const { user } = c.var.session
      // trustedOrigin let the request through, so its Origin is one of the app's own: the
      // browser comes back to the app it left.
      const origin = c.req.header('origin') ?? c.var.config.baseUrl
      return c.json(
        await startCheckout(c.var.db, stripe, {
          userId: user.id,
          email: user.email,
          origin,
          ...c.req.valid('json'),
        })
      )
    }
  )
  .get('/purchases/:id', requireSession(), validate('param', purchaseParams), async (c) => {
    const { payments } = c.var.config
    const stripe = payments.secretKey ? () => stripeClient(payments) : undefined
    return c.json(
      await readPurchase(c.var.db, stripe, c.var.session.user.id, c.req.valid('param').id)
    )
  })

export const purchasesDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/credits/checkout',
    summary: 'Buy a pack of credits: opens a Stripe Checkout page to send the browser to',
    tag: 'credits',
    auth: true,
    body: { contentType: 'application/json', schema: checkoutRequestSchema },
    responses: {
      200: { description: 'The checkout page and the purchase id', schema: checkoutResponseSchema },
    },
    errors: [
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'EMAIL_NOT_VERIFIED',
      'VALIDATION_FAILED',
      'UPSTREAM_FAILED',
      'SERVICE_UNAVAILABLE',
    ],
  },
  {
    method: 'get',
    path: '/api/credits/purchases/{id}',
    summary: 'One of my purchases; a pending one is checked with Stripe first',
    tag: 'credits',
    auth: true,
    pathParams: purchaseParams,
    responses: { 200: { description: 'The purchase', schema: purchaseSchema } },
    errors: ['UNAUTHENTICATED', 'NOT_FOUND', 'VALIDATION_FAILED'],
  },
]
