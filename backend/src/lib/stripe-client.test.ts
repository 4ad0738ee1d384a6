import { describe, expect, it } from 'vitest'
import { ApiError } from './api-error.ts'
import { stripeClient, verifyStripeEvent } from './stripe-client.ts'

const unconfigured = {
  apiBase: 'https://api.stripe.com',
  secretKey: undefined,
  webhookSecret: undefined,
}

const codeOf = async (work: () => unknown) => {
  try {
    await work()
  } catch (error) {
    return error instanceof ApiError ? error.code : `not an ApiError: ${String(error)}`
  }
  return 'no error'
}

describe('Stripe without its secrets (a deployment that sells nothing yet)', () => {
  it('should answer SERVICE_UNAVAILABLE for a checkout, not a 500', async () => {
    expect(await codeOf(() => stripeClient(unconfigured))).toBe('SERVICE_UNAVAILABLE')
  })

  it('should answer SERVICE_UNAVAILABLE for a webhook, so Stripe retries once it is set', async () => {
    expect(await codeOf(() => verifyStripeEvent(unconfigured, '{}', 't=1,v1=00'))).toBe(
      'SERVICE_UNAVAILABLE'
    )
  })

  it('should call the origin STRIPE_API_BASE names, port included', () => {
    const client = stripeClient({
      ...unconfigured,
      apiBase: 'http://127.0.0.1:8792',
      secretKey: 'sk_test_x',
    })
    expect(client.getApiField('host')).toBe('127.0.0.1')
    expect(String(client.getApiField('port'))).toBe('8792')
    expect(client.getApiField('protocol')).toBe('http')
  })
})
