import type { IncomingMessage, ServerResponse } from 'node:http'
import * as z from 'zod'
import { readBody } from '../mailbox/read-body.ts'
import { BODY_MAX, sendJson } from './http-reply.ts'
import type { PaymentsStore } from './store.ts'
import type { WebhookSender } from './webhooks.ts'
import { stripeError } from './wire.ts'

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

const readJson = async (req: IncomingMessage): Promise<unknown> => {
  try {
    return JSON.parse((await readBody(req, BODY_MAX)) ?? '')
  } catch {
    return undefined
  }
}

/** Test and operator controls: the sent events, delivery faults, disputes, the webhook endpoint. */
export const controlRoutes = async (
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
