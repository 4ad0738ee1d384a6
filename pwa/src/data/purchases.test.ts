import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  PURCHASE_POLL_LIMIT,
  type PurchaseWatch,
  startCheckout,
  watchPurchase,
} from './purchases.ts'
import { makePurchase } from './testing/make-entry.ts'

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const refusal = (code: string, status: number): Response =>
  json({ error: { code, message: code, requestId: 'req' } }, status)

/** Answers each read of the purchase with the next response, then the last one again. */
const answers = (...responses: (() => Response | Promise<Response>)[]) => {
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const path = new URL(String(input), 'http://app.test').pathname
    if (path !== '/api/credits/purchases/cs_1') return json({}, 404)
    const next = responses.length > 1 ? responses.shift() : responses[0]
    if (!next) throw new Error('no answer')
    return next()
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

const watch = async (): Promise<PurchaseWatch[]> => {
  const seen: PurchaseWatch[] = []
  const waits: number[] = []
  await watchPurchase(
    'cs_1',
    (w) => seen.push(w),
    new AbortController().signal,
    async (ms) => {
      waits.push(ms)
    }
  )
  return seen
}

describe('watchPurchase', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('should read a pending purchase again until it completes', async () => {
    answers(
      () => json(makePurchase('pending')),
      () => json(makePurchase('pending')),
      () => json(makePurchase('completed'))
    )
    const seen = await watch()
    expect(seen.map((w) => (w.kind === 'purchase' ? w.purchase.status : w.error.code))).toEqual([
      'pending',
      'pending',
      'completed',
    ])
  })

  it('should keep reading through a network failure', async () => {
    answers(
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => json(makePurchase('expired'))
    )
    const seen = await watch()
    expect(seen.map((w) => (w.kind === 'purchase' ? w.purchase.status : w.error.code))).toEqual([
      'NETWORK',
      'expired',
    ])
  })

  it('should stop at a refusal that reading again cannot change', async () => {
    const fetch = answers(() => refusal('NOT_FOUND', 404))
    const seen = await watch()
    expect(seen.map((w) => (w.kind === 'error' ? w.error.code : w.purchase.status))).toEqual([
      'NOT_FOUND',
    ])
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('should give up after the read limit while the purchase stays pending', async () => {
    const fetch = answers(() => json(makePurchase('pending')))
    const seen = await watch()
    expect(seen).toHaveLength(PURCHASE_POLL_LIMIT)
    expect(fetch).toHaveBeenCalledTimes(PURCHASE_POLL_LIMIT)
  })

  it('should stop reading once aborted', async () => {
    const fetch = answers(() => json(makePurchase('pending')))
    const stop = new AbortController()
    await watchPurchase(
      'cs_1',
      () => undefined,
      stop.signal,
      async () => stop.abort()
    )
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('should read again as soon as the connection comes back, not at the end of its wait', async () => {
    vi.useFakeTimers()
    try {
      const fetch = answers(
        () => Promise.reject(new TypeError('Failed to fetch')),
        () => json(makePurchase('completed'))
      )
      const seen: PurchaseWatch[] = []
      const watching = watchPurchase('cs_1', (w) => seen.push(w), new AbortController().signal)
      await vi.advanceTimersByTimeAsync(0)
      expect(fetch).toHaveBeenCalledTimes(1)
      window.dispatchEvent(new Event('online'))
      await vi.advanceTimersByTimeAsync(0)
      expect(fetch).toHaveBeenCalledTimes(2)
      await watching
      expect(seen.map((w) => (w.kind === 'purchase' ? w.purchase.status : w.error.code))).toEqual([
        'NETWORK',
        'completed',
      ])
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('startCheckout', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('should post the pack and send the browser to the checkout page', async () => {
    const fetch = vi.fn(async () =>
      json({ url: 'https://checkout.example/pay/cs_1', purchaseId: 'cs_1' })
    )
    vi.stubGlobal('fetch', fetch)
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined)
    await startCheckout('product-shoot', 'medium')
    const [path, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(path).toBe('/api/credits/checkout')
    expect(init.method).toBe('POST')
    expect(JSON.parse(String(init.body))).toEqual({ workflow: 'product-shoot', pack: 'medium' })
    expect(assign).toHaveBeenCalledWith('https://checkout.example/pay/cs_1')
  })

  it('should throw the code and stay on the page when the server refuses', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => refusal('SERVICE_UNAVAILABLE', 503))
    )
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined)
    await expect(startCheckout('ad-graphic', 'small')).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
    })
    expect(assign).not.toHaveBeenCalled()
  })
})
