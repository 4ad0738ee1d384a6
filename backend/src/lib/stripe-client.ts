import Stripe from 'stripe'
import type { AppConfig } from '../env.ts'
import { ApiError } from './api-error.ts'

/**
 * A Stripe client for the Worker: fetch instead of Node's http, and the API origin from
 * `STRIPE_API_BASE`, so the same code talks to Stripe or to the local Checkout simulator.
 * `SERVICE_UNAVAILABLE` when no secret key is configured: buying is off, the rest of the app is not.
 */
export const stripeClient = (payments: AppConfig['payments']): Stripe => {
  if (!payments.secretKey) {
    throw new ApiError('SERVICE_UNAVAILABLE', 'Buying credits is not available on this server')
  }
  const base = new URL(payments.apiBase)
  const protocol = base.protocol === 'http:' ? 'http' : 'https'
  return new Stripe(payments.secretKey, {
    httpClient: Stripe.createFetchHttpClient(),
    host: base.hostname,
    port: base.port || (protocol === 'http' ? 80 : 443),
    protocol,
    // One retry on a network error; Stripe's idempotency keys make it safe for creates.
    maxNetworkRetries: 1,
  })
}

const cryptoProvider = Stripe.createSubtleCryptoProvider()

/**
 * The event in a webhook request, if its `Stripe-Signature` proves Stripe sent it with our
 * endpoint's secret (and within Stripe's default 5-minute tolerance); `INVALID_SIGNATURE` if not.
 */
export const verifyStripeEvent = async (
  payments: AppConfig['payments'],
  body: string,
  signature: string | undefined
): Promise<Stripe.Event> => {
  if (!payments.webhookSecret) {
    throw new ApiError('SERVICE_UNAVAILABLE', 'Payment webhooks are not configured')
  }
  if (!signature) throw new ApiError('INVALID_SIGNATURE', 'Missing Stripe-Signature header')
  try {
    return await Stripe.webhooks.constructEventAsync(
      body,
      signature,
      payments.webhookSecret,
      undefined,
      cryptoProvider
    )
  } catch (error) {
    throw new ApiError('INVALID_SIGNATURE', 'The Stripe-Signature does not verify', {
      cause: error,
    })
  }
}
