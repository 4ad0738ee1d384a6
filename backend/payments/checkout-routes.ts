import type { IncomingMessage, ServerResponse } from 'node:http'
import { readBody } from '../mailbox/read-body.ts'
import { BODY_MAX, redirect, sendHtml } from './http-reply.ts'
import { checkoutPage, notFoundPage } from './page.ts'
import type { PaymentsStore } from './store.ts'
import { markedFault, type WebhookSender } from './webhooks.ts'

/** The hosted checkout page and its two buttons. */
export const checkoutRoutes = async (
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
