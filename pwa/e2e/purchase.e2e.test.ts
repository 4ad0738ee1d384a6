import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { signUpInContext } from './account.ts'
import { axeViolations } from './axe.ts'
import { launchBrowser } from './browser.ts'
import { settledStatus } from './history-helpers.ts'
import { installed, primary, resultState, storedOutbox, walkToReview } from './studio-helpers.ts'

const baseUrl = inject('baseUrl')
const url = (path: string) => new URL(path, baseUrl).toString()

const poll = <T>(read: () => Promise<T>, timeout = 20_000) => expect.poll(read, { timeout })
const heading = (page: Page) => page.locator('main h1').first()
const refusedCard = (page: Page) => page.locator('history-card').filter({ hasText: 'Not sent' })
/** What the return page's status region says. */
const returnStatus = (page: Page) =>
  page
    .locator('page-credits-return [role="status"]')
    .textContent()
    .then((text) => text?.replace(/\s+/g, ' ').trim())

describe('buying credits in Chromium against the real Worker and the Stripe simulator', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined

  afterEach(async () => {
    await browser?.close()
    browser = undefined
  })

  it('should take a refused request through Buy credits, Pay and Send again to a result', async () => {
    browser = await launchBrowser()
    const { context } = browser
    await signUpInContext(context, baseUrl)
    const page = await context.newPage()

    // Spend the welcome credit elsewhere while this device, offline, queues a request.
    await page.goto(url('/studio/ad-graphic'))
    await installed(page)
    await walkToReview(page, 'A neon sign for a noodle bar')
    await poll(async () => (await primary(page).textContent())?.trim()).toBe('Generate · 1 credit')
    await context.setOffline(true)
    const spent = await context.request.post(url('/api/generations'), {
      headers: { origin: baseUrl, 'idempotency-key': randomUUID() },
      multipart: { request: JSON.stringify({ workflow: 'ad-graphic', prompt: 'Elsewhere', n: 1 }) },
    })
    expect(spent.status()).toBe(202)
    await poll(async () => (await primary(page).textContent())?.trim()).toBe('Queue · 1 credit')
    await primary(page).click()
    await poll(() => storedOutbox(page)).toHaveLength(1)
    const [entry] = await storedOutbox(page)
    if (!entry) throw new Error('nothing was queued')
    await context.setOffline(false)
    await poll(() => resultState(page)).toContain(
      "Not sent: you don't have enough ad graphic credits. Nothing was charged."
    )

    // The refused card in History leads to the packs.
    await page.goto(url('/history'))
    await poll(() => refusedCard(page).count()).toBe(1)
    await refusedCard(page).getByRole('link', { name: 'Buy credits' }).click()
    await poll(() => heading(page).textContent()).toBe('Buy credits')
    expect(new URL(page.url()).search).toBe('?workflow=ad-graphic')
    await page.waitForLoadState('networkidle')
    expect(await axeViolations(page), 'buy credits').toEqual([])

    // Starter: 10 ad graphic credits for $5.00, paid on the simulator's checkout page.
    await page.getByRole('button', { name: 'Buy for $5.00' }).click()
    await page.waitForURL((at) => at.origin !== new URL(baseUrl).origin, { timeout: 20_000 })
    await poll(() => page.locator('h1').textContent()).toBe('Pay 5.00 USD')
    await page.getByRole('button', { name: 'Pay' }).click()

    await page.waitForURL((at) => at.pathname === '/credits/return', { timeout: 20_000 })
    expect(new URL(page.url()).searchParams.get('purchase')).toMatch(/^cs_/)
    await poll(() => returnStatus(page)).toContain(
      '10 credits added to Ad Graphic. You now have 10 credits.'
    )
    expect(await returnStatus(page)).toContain('A request was refused for lack of these credits.')
    await page.waitForLoadState('networkidle')
    expect(await axeViolations(page), 'credits return').toEqual([])

    // Back in History, the refused request goes out again under its own id and succeeds.
    await page.goto(url('/history'))
    await poll(() => refusedCard(page).count()).toBe(1)
    await refusedCard(page).getByRole('button', { name: 'Send again' }).click()
    await poll(() => storedOutbox(page)).toEqual([])
    expect(await settledStatus(page, entry.id)).toBe('succeeded')
    const me = (await (await context.request.get(url('/api/me'))).json()) as {
      balances: Record<string, number>
    }
    expect(me.balances['ad-graphic']).toBe(9)
  })

  it('should say no payment was taken when the checkout is canceled', async () => {
    browser = await launchBrowser()
    const { context } = browser
    await signUpInContext(context, baseUrl)
    const page = await context.newPage()
    await page.goto(url('/credits?workflow=product-shoot'))
    await page.getByRole('button', { name: 'Buy for $9.00' }).click()
    await page.waitForURL((at) => at.origin !== new URL(baseUrl).origin, { timeout: 20_000 })
    await page.getByRole('button', { name: 'Cancel' }).click()
    await page.waitForURL((at) => at.pathname === '/credits/return', { timeout: 20_000 })
    await poll(() => returnStatus(page)).toBe(
      'No payment was taken. You can choose a pack again at any time.'
    )
    await poll(() => page.getByRole('link', { name: 'Back to Product Shoot' }).count()).toBe(1)
    const me = (await (await context.request.get(url('/api/me'))).json()) as {
      balances: Record<string, number>
    }
    expect(me.balances['product-shoot']).toBe(1)
  })
})
