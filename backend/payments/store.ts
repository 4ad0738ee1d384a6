import { type FormValue, stripeId } from './wire.ts'

/** The Checkout Session fields the simulator keeps, in Stripe's wire shape. */
export interface CheckoutSession {
  id: string
  object: 'checkout.session'
  mode: 'payment'
  status: 'open' | 'complete' | 'expired'
  payment_status: 'unpaid' | 'paid'
  amount_subtotal: number
  amount_total: number
  currency: string
  client_reference_id: string | null
  customer_email: string | null
  metadata: Record<string, string>
  payment_intent: string | null
  success_url: string
  cancel_url: string | null
  url: string | null
  created: number
  expires_at: number
  livemode: false
  /** Not Stripe's: the line items, for the simulator's own page (Stripe expands them on request). */
  line_items_summary: { name: string; quantity: number; unit_amount: number }[]
}

/** A payment made on the checkout page: its PaymentIntent, the charge, and what happened since. */
export interface Payment {
  paymentIntent: string
  charge: string
  sessionId: string
  amount: number
  currency: string
  refunded: boolean
  disputed: boolean
}

/** A line item as the Worker sends it: inline `price_data`, quantity. */
export interface LineItemInput {
  name: string
  quantity: number
  unit_amount: number
  currency: string
}

/** A validation problem, answered as Stripe's 400 `invalid_request_error` naming the parameter. */
export class ParamError extends Error {
  constructor(
    readonly param: string,
    message: string
  ) {
    super(message)
  }
}

const str = (value: FormValue | undefined): string | undefined =>
  typeof value === 'string' ? value : undefined

const int = (value: FormValue | undefined, param: string): number => {
  const text = str(value)
  if (text === undefined || !/^\d+$/.test(text))
    throw new ParamError(param, `Invalid integer: ${text ?? ''}`)
  return Number(text)
}

/** The line items of a create request; only inline `price_data` is supported (no Price ids). */
export const readLineItems = (value: FormValue | undefined): LineItemInput[] => {
  if (!Array.isArray(value) || value.length === 0) {
    throw new ParamError('line_items', 'Missing required param: line_items.')
  }
  return value.map((item, i) => {
    const at = `line_items[${i}]`
    if (typeof item !== 'object' || Array.isArray(item))
      throw new ParamError(at, 'Invalid line item')
    const price = item.price_data
    if (typeof price !== 'object' || Array.isArray(price)) {
      throw new ParamError(
        `${at}[price_data]`,
        'This simulator supports only price_data line items'
      )
    }
    const product = price.product_data
    const name =
      typeof product === 'object' && !Array.isArray(product) ? str(product.name) : undefined
    if (!name)
      throw new ParamError(`${at}[price_data][product_data][name]`, 'Missing required param')
    const currency = str(price.currency)
    if (!currency || !/^[a-z]{3}$/.test(currency)) {
      throw new ParamError(`${at}[price_data][currency]`, 'Invalid currency')
    }
    return {
      name,
      currency,
      unit_amount: int(price.unit_amount, `${at}[price_data][unit_amount]`),
      quantity: int(item.quantity, `${at}[quantity]`),
    }
  })
}

/** Sessions and payments since the simulator started, in memory. */
export class PaymentsStore {
  readonly sessions = new Map<string, CheckoutSession>()
  readonly payments = new Map<string, Payment>()

  constructor(private readonly origin: () => string) {}

  /** A new open session from a `POST /v1/checkout/sessions` body. */
  createSession(body: Record<string, FormValue>): CheckoutSession {
    if (str(body.mode) !== 'payment')
      throw new ParamError('mode', 'This simulator supports only mode=payment')
    const successUrl = str(body.success_url)
    if (!successUrl || !URL.canParse(successUrl))
      throw new ParamError('success_url', 'Not a valid URL')
    const cancelUrl = str(body.cancel_url)
    if (cancelUrl !== undefined && !URL.canParse(cancelUrl))
      throw new ParamError('cancel_url', 'Not a valid URL')
    const items = readLineItems(body.line_items)
    const currencies = new Set(items.map((item) => item.currency))
    if (currencies.size > 1)
      throw new ParamError('line_items', 'All line items must share a currency')
    const metadata = body.metadata ?? {}
    if (
      typeof metadata !== 'object' ||
      Array.isArray(metadata) ||
      Object.values(metadata).some((v) => typeof v !== 'string')
    ) {
      throw new ParamError('metadata', 'Invalid metadata')
    }
    const total = items.reduce((sum, item) => sum + item.unit_amount * item.quantity, 0)
    const id = stripeId('cs_test')
    const created = Math.floor(Date.now() / 1000)
    const session: CheckoutSession = {
      id,
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_subtotal: total,
      amount_total: total,
      currency: items[0]?.currency ?? 'usd',
      client_reference_id: str(body.client_reference_id) ?? null,
      customer_email: str(body.customer_email) ?? null,
      metadata: metadata as Record<string, string>,
      payment_intent: null,
      success_url: successUrl,
      cancel_url: cancelUrl ?? null,
      url: `${this.origin()}/c/pay/${id}`,
      created,
      // Stripe's default: a session expires 24 hours after it was created.
      expires_at: created + 24 * 3600,
      livemode: false,
      line_items_summary: items.map(({ name, quantity, unit_amount }) => ({
        name,
        quantity,
        unit_amount,
      })),
    }
    this.sessions.set(id, session)
    return session
  }

  /** Pays an open session: it completes with a new PaymentIntent and charge. */
  pay(session: CheckoutSession): Payment {
    const payment: Payment = {
      paymentIntent: stripeId('pi'),
      charge: stripeId('ch'),
      sessionId: session.id,
      amount: session.amount_total,
      currency: session.currency,
      refunded: false,
      disputed: false,
    }
    session.status = 'complete'
    session.payment_status = 'paid'
    session.payment_intent = payment.paymentIntent
    session.url = null
    this.payments.set(payment.paymentIntent, payment)
    return payment
  }

  expire(session: CheckoutSession): void {
    session.status = 'expired'
    session.url = null
  }

  /** The sessions paid with `paymentIntent` (Stripe's list filter), or all, newest first. */
  listSessions(paymentIntent?: string): CheckoutSession[] {
    return [...this.sessions.values()]
      .filter((session) => !paymentIntent || session.payment_intent === paymentIntent)
      .reverse()
  }

  /** Refunds a payment in full; the Refund object `POST /v1/refunds` answers. */
  refund(payment: Payment) {
    payment.refunded = true
    return { ...this.about(payment, 're', 'refund'), status: 'succeeded' }
  }

  /** Opens a dispute of a payment; the Dispute object `charge.dispute.created` carries. */
  dispute(payment: Payment) {
    payment.disputed = true
    return {
      ...this.about(payment, 'du', 'dispute'),
      reason: 'fraudulent',
      status: 'needs_response',
      livemode: false,
    }
  }

  private about(payment: Payment, prefix: string, object: string) {
    return {
      id: stripeId(prefix),
      object,
      amount: payment.amount,
      charge: payment.charge,
      currency: payment.currency,
      payment_intent: payment.paymentIntent,
      created: Math.floor(Date.now() / 1000),
    }
  }

  /** The charge object of a payment, as `charge.*` events carry it. */
  chargeObject(payment: Payment) {
    return {
      id: payment.charge,
      object: 'charge',
      amount: payment.amount,
      amount_captured: payment.amount,
      amount_refunded: payment.refunded ? payment.amount : 0,
      currency: payment.currency,
      captured: true,
      paid: true,
      refunded: payment.refunded,
      disputed: payment.disputed,
      payment_intent: payment.paymentIntent,
      status: 'succeeded',
      livemode: false,
    }
  }
}
