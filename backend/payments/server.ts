import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as z from 'zod'
import { readBody } from '../mailbox/read-body.ts'
import { checkoutPage, notFoundPage } from './page.ts'
import { type CheckoutSession, ParamError, PaymentsStore } from './store.ts'
import { markedFault, WebhookSender } from './webhooks.ts'
import { parseStripeForm, stripeError } from './wire.ts'

/** A running local Stripe simulator. */
export interface Payments {
  /** Origin, e.g. `http://127.0.0.1:8792`: the Worker's `STRIPE_API_BASE`. */
  url: string
  port: number
  store: PaymentsStore
  webhooks: WebhookSender
  close(): Promise<void>
}

/** Checkout bodies are a few hundred bytes; Stripe's own limit is far higher. */
const BODY_MAX = 256 * 1024

const sendJson = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

const sendHtml = (res: ServerResponse, status: number, html: string) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
  res.end(html)
}

const redirect = (res: ServerResponse, location: string) => {
  res.writeHead(303, { location })
  res.end()
}

const missing = (kind: string, id: string, param: string) =>
  stripeError('invalid_request_error', `No such ${kind}: '${id}'`, {
    code: 'resource_missing',
    param,
  })

/** The key of a request, sent as Stripe takes it: `Bearer sk_…` or Basic with the key as user (`curl -u sk_…:`). */
const apiKeyOf = (header: string | undefined): string | undefined => {
  const bearer = /^Bearer (\S+)$/.exec(header ?? '')?.[1]
  if (bearer) return bearer
  const basic = /^Basic (\S+)$/.exec(header ?? '')?.[1]
  return basic
    ? Buffer.from(basic, 'base64').toString('utf8').split(':')[0] || undefined
    : undefined
}

/** The test-mode key check: Stripe answers 401 without a key, and for a key it does not know. */
const authError = (header: string | undefined) => {
  const key = apiKeyOf(header)
  if (!key) {
    return stripeError(
      'invalid_request_error',
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."
    )
  }
  if (!key.startsWith('sk_test_')) {
    return stripeError('invalid_request_error', `Invalid API Key provided: ${key.slice(0, 8)}****`)
  }
  return undefined
}

const faultSchema = z.discriminatedUnion('fault', [
  z.object({
    fault: z.literal('duplicate'),
    type: z.string().optional(),
    copies: z.int().min(2).max(50).optional(),
  }),
  z.object({ fault: z.literal('reorder'), type: z.string().optional() }),
  z.object({
    fault: z.literal('delay'),
    type: z.string().optional(),
    ms: z.int().min(0).max(60_000),
  }),
])

/** The Stripe API subset the Worker uses (`/v1/…`), form-encoded in, JSON out. */
class StripeApi {
  /** Answers by Idempotency-Key, as Stripe replays a retried create. */
  private readonly replies = new Map<string, { status: number; body: unknown }>()

  constructor(
    private readonly store: PaymentsStore,
    private readonly webhooks: WebhookSender
  ) {}

  async handle(req: IncomingMessage, url: URL): Promise<{ status: number; body: unknown }> {
    const denied = authError(req.headers.authorization)
    if (denied) return { status: 401, body: denied }
    const key = req.headers['idempotency-key']
    const replayKey =
      req.method === 'POST' && typeof key === 'string' ? `${req.url} ${key}` : undefined
    const replay = replayKey ? this.replies.get(replayKey) : undefined
    if (replay) return replay
    const raw = req.method === 'POST' ? await readBody(req, BODY_MAX) : ''
    if (raw === undefined) {
      return { status: 400, body: stripeError('invalid_request_error', 'Request body too large') }
    }
    let reply: { status: number; body: unknown }
    try {
      reply = this.route(req.method ?? 'GET', url, parseStripeForm(raw))
    } catch (error) {
      if (
        !(error instanceof ParamError) &&
        !(error instanceof Error && /^Invalid param/.test(error.message))
      )
        throw error
      reply = {
        status: 400,
        body: stripeError('invalid_request_error', error.message, {
          param: error instanceof ParamError ? error.param : undefined,
          code: 'parameter_invalid',
        }),
      }
    }
    if (replayKey && reply.status < 500) this.replies.set(replayKey, reply)
    return reply
  }

  private session(id: string): CheckoutSession | undefined {
    return this.store.sessions.get(id)
  }

  private route(method: string, url: URL, body: ReturnType<typeof parseStripeForm>) {
    const path = url.pathname
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      return { status: 200, body: this.store.createSession(body) }
    }
    if (method === 'GET' && path === '/v1/checkout/sessions') {
      const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 10) || 10, 1), 100)
      const all = this.store.listSessions(url.searchParams.get('payment_intent') ?? undefined)
      return {
        status: 200,
        body: {
          object: 'list',
          url: '/v1/checkout/sessions',
          has_more: all.length > limit,
          data: all.slice(0, limit),
        },
      }
    }
    const sessionPath = /^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/.exec(path)
    if (sessionPath) {
      const id = decodeURIComponent(sessionPath[1] ?? '')
      const session = this.session(id)
      if (!session) return { status: 404, body: missing('checkout.session', id, 'session') }
      if (method === 'GET' && !sessionPath[2]) return { status: 200, body: session }
      if (method === 'POST' && sessionPath[2]) {
        if (session.status !== 'open') {
          return {
            status: 400,
            body: stripeError(
              'invalid_request_error',
              `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`
            ),
          }
        }
        this.store.expire(session)
        this.webhooks.emit('checkout.session.expired', session)
        return { status: 200, body: session }
      }
    }
    if (method === 'POST' && path === '/v1/refunds') return this.refund(body.payment_intent)
    return {
      status: 404,
      body: stripeError('invalid_request_error', `Unrecognized request URL (${method}: ${path}).`),
    }
  }

  private refund(paymentIntent: unknown) {
    const id = typeof paymentIntent === 'string' ? paymentIntent : ''
    const payment = this.store.payments.get(id)
    if (!payment) return { status: 400, body: missing('payment_intent', id, 'payment_intent') }
    if (payment.refunded) {
      return {
        status: 400,
        body: stripeError(
          'invalid_request_error',
          `Charge ${payment.charge} has already been refunded.`,
          {
            code: 'charge_already_refunded',
          }
        ),
      }
    }
    const refund = this.store.refund(payment)
    this.webhooks.emit('charge.refunded', this.store.chargeObject(payment))
    return { status: 200, body: refund }
  }
}

/** The hosted checkout page and its two buttons. */
const checkoutRoutes = async (
  store: PaymentsStore,
  webhooks: WebhookSender,
  req: IncomingMessage,
  res: ServerResponse,
  match: RegExpExecArray
) => {
  const session = store.sessions.get(decodeURIComponent(match[1] ?? ''))
  if (!session) return sendHtml(res, 404, notFoundPage())
  if (req.method === 'GET' && !match[2]) return sendHtml(res, 200, checkoutPage(session))
  if (req.method !== 'POST' || !match[2]) return sendHtml(res, 404, notFoundPage())
  await readBody(req, BODY_MAX)
  if (session.status !== 'open') return sendHtml(res, 409, checkoutPage(session))
  if (match[2] === '/pay') {
    const payment = store.pay(session)
    webhooks.emit('checkout.session.completed', session, markedFault(session.customer_email))
    if (session.customer_email?.includes('+stripe-dispute@')) {
      webhooks.emit('charge.dispute.created', store.dispute(payment))
    }
    return redirect(res, session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', session.id))
  }
  // Stripe keeps a canceled session open until it expires; here it expires at once, so the
  // `checkout.session.expired` path is exercised without waiting a day.
  store.expire(session)
  webhooks.emit('checkout.session.expired', session)
  return redirect(
    res,
    (session.cancel_url ?? session.success_url).replaceAll('{CHECKOUT_SESSION_ID}', session.id)
  )
}

const readJson = async (req: IncomingMessage): Promise<unknown> => {
  try {
    return JSON.parse((await readBody(req, BODY_MAX)) ?? '')
  } catch {
    return undefined
  }
}

/** Test and operator controls: the sent events, delivery faults, disputes, the webhook endpoint. */
const controlRoutes = async (
  store: PaymentsStore,
  webhooks: WebhookSender,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL
) => {
  if (req.method === 'GET' && url.pathname === '/events') {
    const type = url.searchParams.get('type')
    return sendJson(
      res,
      200,
      webhooks.events.filter((event) => !type || event.type === type)
    )
  }
  if (req.method === 'POST' && url.pathname === '/control/faults') {
    const fault = faultSchema.safeParse(await readJson(req))
    if (!fault.success) return sendJson(res, 400, { error: fault.error.message })
    webhooks.addFault(fault.data)
    return sendJson(res, 200, fault.data)
  }
  if (req.method === 'POST' && url.pathname === '/control/disputes') {
    const body = z.object({ payment_intent: z.string() }).safeParse(await readJson(req))
    const payment = body.success ? store.payments.get(body.data.payment_intent) : undefined
    if (!payment) return sendJson(res, 404, { error: 'No such payment_intent' })
    const dispute = store.dispute(payment)
    webhooks.emit('charge.dispute.created', dispute)
    return sendJson(res, 200, dispute)
  }
  if (req.method === 'PUT' && url.pathname === '/control/webhook') {
    const body = z.object({ url: z.url() }).safeParse(await readJson(req))
    if (!body.success) return sendJson(res, 400, { error: 'Expected { url }' })
    webhooks.endpoint = body.data.url
    return sendJson(res, 200, { url: body.data.url })
  }
  sendJson(
    res,
    404,
    stripeError(
      'invalid_request_error',
      `Unrecognized request URL (${req.method}: ${url.pathname}).`
    )
  )
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
