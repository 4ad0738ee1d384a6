import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { checkoutRoutes } from './checkout-routes.ts'
import { controlRoutes } from './control-routes.ts'
import { sendJson } from './http-reply.ts'
import { PaymentsStore } from './store.ts'
import { StripeApi } from './stripe-api.ts'
import { WebhookSender } from './webhooks.ts'
import { stripeError } from './wire.ts'

/** A running local Stripe simulator. */
export interface Payments {
  /** Origin, e.g. `http://127.0.0.1:8792`: the Worker's `STRIPE_API_BASE`. */
  url: string
  port: number
  store: PaymentsStore
  webhooks: WebhookSender
  close(): Promise<void>
}

/**
 * Starts the local Stripe simulator: the Checkout API subset the Worker uses, the hosted page a
 * buyer pays on, and webhooks to `webhookUrl` signed with `webhookSecret` exactly as Stripe signs.
 * @example const payments = await startPayments({ port: 0, webhookSecret: 'whsec_local' })
 */
export const startPayments = async ({
  port = 0,
  host = '127.0.0.1',
  webhookUrl,
  webhookSecret,
}: {
  port?: number
  host?: string
  webhookUrl?: string
  webhookSecret: string
}): Promise<Payments> => {
  let origin = ''
  const store = new PaymentsStore(() => origin)
  const webhooks = new WebhookSender(webhookUrl, webhookSecret)
  const api = new StripeApi(store, webhooks)
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://payments.local')
    const checkout = /^\/c\/pay\/([^/]+)(\/pay|\/cancel)?$/.exec(url.pathname)
    const work = url.pathname.startsWith('/v1/')
      ? api.handle(req, url).then(({ status, body }) => sendJson(res, status, body))
      : checkout
        ? checkoutRoutes(store, webhooks, req, res, checkout)
        : controlRoutes(store, webhooks, req, res, url)
    work.catch((error: unknown) => {
      sendJson(res, 500, stripeError('api_error', String(error)))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const actualPort = (server.address() as AddressInfo).port
  origin = `http://${host}:${actualPort}`
  return {
    url: origin,
    port: actualPort,
    store,
    webhooks,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
