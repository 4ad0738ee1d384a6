import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { signUpInContext } from './account.ts'
import { axeViolations } from './axe.ts'
import { launchBrowser } from './browser.ts'
import {
  createGeneration,
  gridElementCount,
  renderedCards,
  seedGenerations,
  settledStatus,
} from './history-helpers.ts'

const baseUrl = inject('baseUrl')
const url = (path: string) => new URL(path, baseUrl).toString()

const heading = (page: Page) => page.locator('main h1').first()

describe('History and its detail page in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  const ids: string[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
    await signUpInContext(browser.context, baseUrl)
    page = await browser.context.newPage()
  })
  afterAll(async () => {
    await browser.close()
  })

  it('should show the empty state with links to both studios, with no axe violations', async () => {
    // What counts is what the page shows, which the checks below poll for; the load event once
    // took over 30 s on a busy CI machine (the first visit of a fresh browser).
    await page.goto(url('/history'), { waitUntil: 'commit' })
    await expect.poll(() => heading(page).textContent()).toBe('History')
    const empty = page.getByText(
      'No generations yet. Create your first one in Product Shoot or Ad Graphic.'
    )
    await expect.poll(() => empty.isVisible(), { timeout: 10_000 }).toBe(true)
    expect(await page.locator('page-history a[href="/studio/product-shoot"]').count()).toBe(1)
    expect(await page.locator('page-history a[href="/studio/ad-graphic"]').count()).toBe(1)
    await page.evaluate(() => navigator.serviceWorker.ready)
    expect(await axeViolations(page)).toEqual([])
  })

  it('should list generations made through the API, with thumbnails, once the queue finished them', async () => {
    ids.push(await createGeneration(page, 'ad-graphic', 'Fresh bread on a rustic table'))
    ids.push(await createGeneration(page, 'product-shoot', 'On a marble counter, soft daylight'))
    for (const id of ids) expect(await settledStatus(page, id)).toBe('succeeded')
    await page.reload()
    await expect
      .poll(async () => (await renderedCards(page)).filter((c) => c.thumbnailLoaded).length, {
        timeout: 30_000,
      })
      .toBe(2)
    const cards = await renderedCards(page)
    // Newest first.
    expect(cards.map((c) => c.id)).toEqual([...ids].reverse())
    expect(cards[0]?.text).toContain('Product Shoot')
    expect(cards[0]?.text).toContain('Ready')
    expect(cards[0]?.text).toContain('Simulated')
    expect(cards[1]?.text).toContain('Ad Graphic')
    expect(await axeViolations(page)).toEqual([])
  })

  it('should filter by workflow and state, and clear the filters', async () => {
    await page.getByRole('radio', { name: 'Ad Graphic' }).check()
    await expect.poll(async () => (await renderedCards(page)).map((c) => c.id)).toEqual([ids[0]])
    await page.getByRole('radio', { name: 'Failed or canceled' }).check()
    await expect.poll(() => page.getByText('Nothing matches these filters.').isVisible()).toBe(true)
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await expect.poll(async () => (await renderedCards(page)).length).toBe(2)
  })

  it('should open the detail with the full image and its inputs, and download the PNG', async () => {
    await page.locator(`history-card a[href="/history/${ids[0]}"]`).click()
    await expect.poll(() => page.url()).toBe(url(`/history/${ids[0]}`))
    const image = page.locator('history-images img').first()
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(1328)
    await expect.poll(() => page.getByText('Fresh bread on a rustic table').count()).toBe(1)
    expect(await page.getByText('qwen-image-max').count()).toBe(1)
    expect(await page.getByText('1 credit spent.').count()).toBe(1)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download (PNG), Image 1' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^addreams-[0-9a-f]{8}-1\.png$/)
    expect(await axeViolations(page)).toEqual([])
  })

  it('should show History with thumbnails and the image already viewed after an offline reload', async () => {
    await browser.context.setOffline(true)
    try {
      await page.goto(url('/history'))
      await expect
        .poll(async () => (await renderedCards(page)).filter((c) => c.thumbnailLoaded).length, {
          timeout: 15_000,
        })
        .toBe(2)
      await page.locator(`history-card a[href="/history/${ids[0]}"]`).click()
      const image = page.locator('history-images img').first()
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBe(1328)
      expect(await page.getByRole('button', { name: 'Download (PNG), Image 1' }).isEnabled()).toBe(
        true
      )
    } finally {
      await browser.context.setOffline(false)
    }
  })

  it('should delete a generation after the confirm, here and on the server', async () => {
    const id = ids[1] ?? ''
    await page.goto(url(`/history/${id}`))
    await page.getByRole('button', { name: 'Delete' }).click()
    const dialog = page.locator('app-dialog dialog')
    await expect.poll(() => dialog.textContent()).toContain('Credits are not returned.')
    await dialog.getByRole('button', { name: 'Delete' }).click()
    await expect.poll(() => page.url()).toBe(url('/history'))
    await expect.poll(async () => (await renderedCards(page)).map((c) => c.id)).toEqual([ids[0]])
    await expect
      .poll(() => page.evaluate(async (id) => (await fetch(`/api/generations/${id}`)).status, id), {
        timeout: 30_000,
      })
      .toBe(404)
  })

  it('should keep the grid small while scrolling 10,000 generations to the end', async () => {
    await seedGenerations(page, ids[0] ?? '', 10_000)
    await page.reload()
    await expect
      .poll(async () => (await renderedCards(page))[0]?.setSize, { timeout: 30_000 })
      .toBe(10_001)
    const atTop = await gridElementCount(page)
    expect(atTop).toBeGreaterThan(0)
    expect(atTop).toBeLessThan(200)
    for (const fraction of [0.25, 0.5, 0.75, 1]) {
      await page.evaluate((f) => window.scrollTo(0, document.body.scrollHeight * f), fraction)
      await page.waitForTimeout(100)
      expect(await gridElementCount(page)).toBeLessThan(200)
    }
    await expect
      .poll(async () => Math.max(...(await renderedCards(page)).map((c) => c.position)))
      .toBe(10_001)
  })

  it('should move keyboard focus with arrow keys and reach the last card with End', async () => {
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.locator(`history-card a[href="/history/${ids[0]}"]`).focus()
    await page.keyboard.press('ArrowRight')
    const focusedPosition = () =>
      page.evaluate(() => {
        const grid = document
          .querySelector('app-root')
          ?.shadowRoot?.querySelector('page-history')
          ?.shadowRoot?.querySelector('history-grid')
        return Number(grid?.shadowRoot?.activeElement?.getAttribute('aria-posinset'))
      })
    await expect.poll(focusedPosition).toBe(2)
    await page.keyboard.press('End')
    await expect.poll(focusedPosition).toBe(10_001)
    expect(await gridElementCount(page)).toBeLessThan(200)
  })

  it('should lay the grid out for this page after a start drawn from a geometry that no longer holds', async () => {
    const gridColumns = () =>
      page.evaluate(() => {
        const grid = document
          .querySelector('app-root')
          ?.shadowRoot?.querySelector('page-history')
          ?.shadowRoot?.querySelector('history-grid')
        const cells = grid?.shadowRoot?.querySelector<HTMLElement>('.window')
        return cells?.style.getPropertyValue('grid-template-columns')
      })
    await page.evaluate(() => window.scrollTo(0, 0))
    const columns = await gridColumns()
    expect(columns).toMatch(/^repeat\(\d, /)
    // Remembered for this viewport, but at a width with another number of columns.
    await page.evaluate((twoColumns) => {
      localStorage.setItem(
        'addreams:history-grid-geometry',
        JSON.stringify({
          viewport: `${window.innerWidth}x${window.innerHeight}`,
          width: twoColumns ? 1200 : 300,
          top: 0,
        })
      )
    }, columns?.startsWith('repeat(2,'))
    await page.reload()
    await expect.poll(async () => (await renderedCards(page)).length).toBeGreaterThan(0)
    await expect.poll(gridColumns).toBe(columns)
  })
})
