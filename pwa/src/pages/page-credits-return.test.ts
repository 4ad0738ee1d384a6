import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '../data/db.ts'
import { writeMeta } from '../data/meta.ts'
import { makePurchase, makeRefusedEntry } from '../data/testing/make-entry.ts'
import './page-credits-return.ts'
import type { PageCreditsReturn } from './page-credits-return.ts'

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const profile = (adGraphic: number) => ({
  user: {
    id: 'u1',
    name: 'Ada Baker',
    email: 'ada@example.com',
    emailVerified: true,
    image: null,
    createdAt: '2026-11-01T10:00:00.000Z',
  },
  accountType: 'paid',
  balances: { 'product-shoot': 0, 'ad-graphic': adGraphic },
})

/** A server whose purchase answers `reads` in turn (the last one again), and whose profile has 10. */
const server = (...reads: (() => Response)[]) => {
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const path = new URL(String(input), 'http://app.test').pathname
    if (path === '/api/credits/purchases/cs_1') {
      const next = reads.length > 1 ? reads.shift() : reads[0]
      if (next) return next()
    }
    if (path === '/api/me') return json(profile(10))
    return json({ error: { code: 'NOT_FOUND', message: 'no', requestId: 'r' } }, 404)
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

const mount = async (search: string): Promise<PageCreditsReturn> => {
  window.history.replaceState(null, '', `/credits/return${search}`)
  const el = document.createElement('page-credits-return')
  document.body.append(el)
  await el.updateComplete
  return el
}

const status = (el: PageCreditsReturn): HTMLElement => {
  const region = el.shadowRoot?.querySelector<HTMLElement>('[role="status"]')
  if (!region) throw new Error('no status region')
  return region
}

const said = async (el: PageCreditsReturn): Promise<string> => {
  await el.updateComplete
  return (status(el).textContent ?? '').replace(/\s+/g, ' ').trim()
}

const links = (el: PageCreditsReturn): string[] =>
  [...(el.shadowRoot?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href') ?? '')

describe('<page-credits-return>', () => {
  beforeEach(async () => {
    await Promise.all(db.tables.map((table) => table.clear()))
    await writeMeta('balances', {
      balances: { 'product-shoot': 0, 'ad-graphic': 0 },
      at: '2026-12-04T09:00:00.000Z',
    })
  })
  afterEach(() => {
    document.body.replaceChildren()
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('should say the payment is being added while pending, then show the new balance', async () => {
    server(
      () => json(makePurchase('pending')),
      () => json(makePurchase('completed'))
    )
    const el = await mount('?purchase=cs_1')
    expect(status(el).getAttribute('aria-live')).toBe('polite')
    await expect.poll(() => said(el)).toBe('Payment received — adding your credits…')
    expect(el.shadowRoot?.querySelector('progress')).not.toBeNull()
    expect(links(el)).toEqual([])
    await expect
      .poll(() => said(el), { timeout: 10_000 })
      .toBe('10 credits added to Ad Graphic. You now have 10 credits.')
    expect(links(el)).toContain('/studio/ad-graphic')
  })

  it('should send again the requests refused for lack of the credits just bought', async () => {
    const refused = makeRefusedEntry('OUT_OF_CREDITS')
    const other = makeRefusedEntry('OUT_OF_CREDITS', { workflow: 'product-shoot' })
    await db.outbox.bulkPut([refused, other])
    server(() => json(makePurchase('completed')))
    const el = await mount('?purchase=cs_1')
    await expect
      .poll(() => said(el))
      .toContain('A request was refused for lack of these credits. Send again')
    el.shadowRoot?.querySelector<HTMLButtonElement>('[role="status"] button')?.click()
    await expect.poll(async () => (await db.outbox.get(refused.id))?.state).not.toBe('rejected')
    expect((await db.outbox.get(other.id))?.state).toBe('rejected')
    await expect.poll(() => said(el)).not.toContain('Send again')
  })

  it('should say no payment was taken when the checkout was canceled', async () => {
    server(() => json(makePurchase('pending')))
    const el = await mount('?purchase=cs_1&canceled=1')
    expect(await said(el)).toBe('No payment was taken. You can choose a pack again at any time.')
    await expect
      .poll(async () => {
        await el.updateComplete
        return links(el)
      })
      .toContain('/studio/ad-graphic')
  })

  it('should say no payment was taken when the checkout expired', async () => {
    server(() => json(makePurchase('expired')))
    const el = await mount('?purchase=cs_1')
    await expect
      .poll(() => said(el))
      .toBe('No payment was taken. You can choose a pack again at any time.')
  })

  it('should say clearly when the purchase is unknown', async () => {
    server(() => json({ error: { code: 'NOT_FOUND', message: 'no', requestId: 'r' } }, 404))
    const el = await mount('?purchase=cs_1')
    await expect.poll(() => said(el)).toMatch(/^We couldn't find this purchase\./)
    expect(links(el)).toEqual(['/history', '/profile'])
  })

  it('should say the link names no purchase when it has none', async () => {
    const fetch = server(() => json(makePurchase('pending')))
    const el = await mount('')
    expect(await said(el)).toBe("This link doesn't name a purchase. Nothing was bought through it.")
    expect(fetch).not.toHaveBeenCalled()
  })
})
