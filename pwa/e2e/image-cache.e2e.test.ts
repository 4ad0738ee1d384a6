import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { signUpInContext } from './account.ts'
import { launchBrowser } from './browser.ts'
import { createGeneration, settledStatus } from './history-helpers.ts'

const baseUrl = inject('baseUrl')

/** Fetches an image the way the detail page does: through the service worker's cache route. */
const view = (page: Page, path: string) =>
  page.evaluate(async (path) => (await fetch(path)).status, path)

/** The service worker's size index, least recently viewed first (the order eviction takes). */
const leastRecentlyViewedFirst = (page: Page) =>
  page.evaluate(async () => {
    const cache = await caches.open('addreams-images')
    const index = (await (await cache.match('/__image-cache-index'))?.json()) as
      | Record<string, { bytes: number; viewedAt: number }>
      | undefined
    return Object.entries(index ?? {})
      .sort(([, a], [, b]) => a.viewedAt - b.viewedAt)
      .map(([url, { bytes }]) => ({ url: new URL(url).pathname, bytes }))
  })

/** Each stored image of generation `id` (outputs, then references) with its size. */
const imagesOf = (page: Page, id: string) =>
  page.evaluate(async (id) => {
    type Image = { url: string; bytes: number }
    const g = (await (await fetch(`/api/generations/${id}`)).json()) as {
      images: Image[]
      references: Image[]
    }
    return [...g.images, ...g.references].map(({ url, bytes }) => ({ url, bytes }))
  }, id)

describe('Image cache budget in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page

  beforeAll(async () => {
    browser = await launchBrowser()
    await signUpInContext(browser.context, baseUrl)
    page = await browser.context.newPage()
  })
  afterAll(async () => {
    await browser.close()
  })

  // Chromium's quota cannot be made small from a test (CDP's Storage.overrideQuotaForOrigin leaves
  // estimate() as it was), so the eviction itself is covered by sw/image-budget.test.ts; this
  // checks what it decides from: the sizes and view order the real service worker records.
  it('should record each cached image’s size and when it was last viewed, in view order', async () => {
    await page.goto(new URL('/settings', baseUrl).toString())
    await page.evaluate(() => navigator.serviceWorker.ready)
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
      .toBe(true)
    // One welcome credit per workflow: a product shoot adds its reference photo as a third image.
    const ids = [
      await createGeneration(page, 'ad-graphic', 'A red kettle'),
      await createGeneration(page, 'product-shoot', 'On marble'),
    ]
    for (const id of ids) expect(await settledStatus(page, id)).toBe('succeeded')
    const images = (await Promise.all(ids.map((id) => imagesOf(page, id)))).flat()
    expect(images).toHaveLength(3)
    // One at a time: the worker records an image once it is stored, after the answer went out.
    for (const [i, image] of images.entries()) {
      expect(await view(page, image.url)).toBe(200)
      await expect.poll(() => leastRecentlyViewedFirst(page)).toHaveLength(i + 1)
    }
    const [first, second, third] = images
    if (!first) throw new Error('no image')
    // Seeing the first again makes it the last to go.
    expect(await view(page, first.url)).toBe(200)
    await expect
      .poll(() => leastRecentlyViewedFirst(page))
      .toEqual(
        [second, third, first].map((image) => image && { url: image.url, bytes: image.bytes })
      )
    const settings = page
      .locator('page-settings section')
      .filter({ has: page.getByRole('heading', { name: 'Cached images' }) })
    await page.reload()
    await expect.poll(() => settings.textContent()).toMatch(/3 images, [\d.]+ (KB|MB)/)
  })
})
