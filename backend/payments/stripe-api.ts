import type { IncomingMessage } from 'node:http'
import { readBody } from '../mailbox/read-body.ts'
import { BODY_MAX } from './http-reply.ts'
import { type CheckoutSession, ParamError, type PaymentsStore } from './store.ts'
import type { WebhookSender } from './webhooks.ts'
import { parseStripeForm, stripeError } from './wire.ts'

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

/** The Stripe API subset the Worker uses (`/v1/…`), form-encoded in, JSON out. */
export class StripeApi {
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
