import { API_VERSION, signatureHeader, stripeId } from './wire.ts'

/** One attempt to deliver an event: the Worker's HTTP status, or the network error. */
export interface DeliveryAttempt {
  status: number | null
  error?: string
  at: string
}

/** An event the simulator emitted, with what became of its deliveries (`GET /events`). */
export interface SentEvent {
  id: string
  type: string
  /** The exact JSON body that was (or will be) signed and posted. */
  payload: string
  faults: string[]
  attempts: DeliveryAttempt[]
}

/**
 * A fault applied to the next event (of `type`, when given): `duplicate` posts it `copies` times at
 * once; `reorder` holds it back until the next event has been delivered; `delay` waits `ms`.
 */
export type DeliveryFault =
  | { fault: 'duplicate'; type?: string; copies?: number }
  | { fault: 'reorder'; type?: string }
  | { fault: 'delay'; type?: string; ms: number }

/** The most events kept for `GET /events`. */
const MAX_EVENTS = 1000
/** Like Stripe, a delivery that fails is tried again, here a few times, quickly. */
const RETRY_DELAYS_MS = [250, 1000, 3000]

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Builds Stripe events and posts them to the webhook endpoint, signed as Stripe signs them.
 * Without an endpoint the events are only recorded, so a test can replay them itself.
 */
export class WebhookSender {
  readonly events: SentEvent[] = []
  private faults: DeliveryFault[] = []
  private held: SentEvent | undefined
  private readonly inFlight = new Set<Promise<void>>()

  constructor(
    public endpoint: string | undefined,
    private readonly secret: string
  ) {}

  addFault(fault: DeliveryFault): void {
    this.faults.push(fault)
  }

  /**
   * Emits an event of `type` about `object`, with the `marked` fault of its session (see
   * markedFault), else the first queued fault that matches.
   */
  emit(type: string, object: unknown, marked?: DeliveryFault): SentEvent {
    const event = {
      id: stripeId('evt'),
      object: 'event',
      api_version: API_VERSION,
      created: Math.floor(Date.now() / 1000),
      data: { object },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    }
    const at = marked ? -1 : this.faults.findIndex((fault) => !fault.type || fault.type === type)
    const fault = marked ?? (at >= 0 ? this.faults.splice(at, 1)[0] : undefined)
    const sent: SentEvent = {
      id: event.id,
      type,
      payload: JSON.stringify(event, null, 2),
      faults: fault ? [fault.fault] : [],
      attempts: [],
    }
    this.events.unshift(sent)
    this.events.length = Math.min(this.events.length, MAX_EVENTS)
    const released = this.held
    if (fault?.fault === 'reorder') {
      this.held = sent
      return sent
    }
    this.held = undefined
    const copies = fault?.fault === 'duplicate' ? Math.max(2, fault.copies ?? 2) : 1
    const delay = fault?.fault === 'delay' ? fault.ms : 0
    this.track(
      (async () => {
        if (delay) await sleep(delay)
        await Promise.all(Array.from({ length: copies }, () => this.deliver(sent)))
        if (released) await this.deliver(released)
      })()
    )
    return sent
  }

  /** Resolves once every delivery started so far has ended (the held one, if any, excepted). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight)
  }

  private track(work: Promise<void>) {
    this.inFlight.add(work)
    void work.finally(() => this.inFlight.delete(work))
  }

  private async deliver(event: SentEvent): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (!this.endpoint) return
      const header = signatureHeader(this.secret, event.payload, Math.floor(Date.now() / 1000))
      try {
        const res = await fetch(this.endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'stripe-signature': header,
            'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          },
          body: event.payload,
        })
        await res.arrayBuffer()
        event.attempts.push({ status: res.status, at: new Date().toISOString() })
        if (res.ok) return
      } catch (error) {
        event.attempts.push({ status: null, error: String(error), at: new Date().toISOString() })
      }
      const wait = RETRY_DELAYS_MS[attempt]
      if (wait === undefined) return
      await sleep(wait)
    }
  }
}

/**
 * The fault a buyer's email asks for, so one test's faults never reach another's: a `+tag` of
 * `stripe-duplicate`, `stripe-reorder` or `stripe-delay` (2 s) applies to the session's
 * completion, e.g. `buyer+stripe-reorder@example.test`. (`stripe-dispute`, read by the server,
 * disputes the payment right after it.)
 */
export const markedFault = (email: string | null): DeliveryFault | undefined => {
  const tag = /\+stripe-(duplicate|reorder|delay)@/.exec(email ?? '')?.[1]
  if (tag === 'duplicate') return { fault: 'duplicate' }
  if (tag === 'reorder') return { fault: 'reorder' }
  if (tag === 'delay') return { fault: 'delay', ms: 2000 }
  return undefined
}
