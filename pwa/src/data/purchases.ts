import {
  type CheckoutRequest,
  type CreditPackId,
  checkoutResponseSchema,
  type Purchase,
  purchaseSchema,
  type Workflow,
} from '@app/shared-types'
import { needsSession } from './account.ts'
import { ApiClientError, apiJson } from './api.ts'
import { requestFlush } from './sync-engine.ts'

/**
 * `POST /api/credits/checkout`, then sends the browser to the checkout page the server chose
 * (Stripe Checkout, or the local simulator). Throws `ApiClientError` when no checkout was opened.
 */
export const startCheckout = async (workflow: Workflow, pack: CreditPackId): Promise<void> => {
  const body: CheckoutRequest = { workflow, pack }
  const { url } = await needsSession(() =>
    apiJson('/api/credits/checkout', checkoutResponseSchema, { method: 'POST', json: body })
  )
  window.location.assign(url)
}

/** `GET /api/credits/purchases/:id`: one of the user's purchases; asking may complete it. */
export const readPurchase = async (id: string): Promise<Purchase> =>
  needsSession(() => apiJson(`/api/credits/purchases/${encodeURIComponent(id)}`, purchaseSchema))

/** The waits between two reads of a pending purchase: quick at first, then every 10 s. */
export const PURCHASE_POLL_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 10_000] as const
/** How many reads a pending purchase gets before the page says it is taking longer. */
export const PURCHASE_POLL_LIMIT = 20

/** What a purchase watch reports: the purchase once read, or why it could not be read. */
export type PurchaseWatch =
  | { kind: 'purchase'; purchase: Purchase; reads: number }
  | { kind: 'error'; error: ApiClientError }

const asClientError = (error: unknown): ApiClientError =>
  error instanceof ApiClientError
    ? error
    : new ApiClientError({ code: 'INTERNAL', status: 0, message: String(error) })

/**
 * Waits `ms`, or less if `signal` aborts or the connection comes back: a read that failed for
 * lack of one is tried again at once.
 */
const pause = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      window.removeEventListener('online', done)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    window.addEventListener('online', done)
    signal.addEventListener('abort', done)
  })

/**
 * Reads purchase `id` until it leaves `pending` (or `PURCHASE_POLL_LIMIT` reads), reporting each
 * answer. A network failure or a busy server is read again; any other refusal (NOT_FOUND for an
 * id that is not this user's) ends the watch. Once completed it flushes, so the sync brings the new
 * balance to every view that shows one.
 */
export const watchPurchase = async (
  id: string,
  report: (watch: PurchaseWatch) => void,
  signal: AbortSignal,
  wait: (ms: number, signal: AbortSignal) => Promise<void> = pause
): Promise<void> => {
  for (let reads = 1; !signal.aborted; reads++) {
    try {
      const purchase = await readPurchase(id)
      if (signal.aborted) return
      report({ kind: 'purchase', purchase, reads })
      if (purchase.status === 'completed') requestFlush()
      if (purchase.status !== 'pending' || reads >= PURCHASE_POLL_LIMIT) return
    } catch (error) {
      if (signal.aborted) return
      const clientError = asClientError(error)
      report({ kind: 'error', error: clientError })
      if (!clientError.retryable || reads >= PURCHASE_POLL_LIMIT) return
    }
    const delay = PURCHASE_POLL_DELAYS_MS[Math.min(reads, PURCHASE_POLL_DELAYS_MS.length) - 1]
    await wait(delay ?? 10_000, signal)
  }
}
