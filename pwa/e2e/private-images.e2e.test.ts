import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { signUpInContext } from './account.ts'
import { launchBrowser } from './browser.ts'
import { createGeneration, settledStatus } from './history-helpers.ts'

const baseUrl = inject('baseUrl')
const url = (path: string) => new URL(path, baseUrl).toString()

describe('private images on a shared device', () => {
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

  it('should not answer a viewed image from any cache once its owner signed out', async () => {
    await page.goto(url('/history'))
    await page.evaluate(() => navigator.serviceWorker.ready)
    const id = await createGeneration(page, 'ad-graphic', 'A loaf on a board')
    expect(await settledStatus(page, id)).toBe('succeeded')
    const image = `/api/generations/${id}/images/0`
    await page.goto(url(`/history/${id}`))
    const shown = page.locator('history-images img').first()
    await expect
      .poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(1328)
    // Also straight from the page, as a link opened in a tab would be.
    expect(await page.evaluate((u) => fetch(u).then((r) => r.status), image)).toBe(200)

    await page.goto(url('/profile'))
    await page.getByRole('button', { name: 'Sign out', exact: true }).click()
    await page.waitForURL(url('/'))
    // The server ends the session in the background (sign-out never waits on the network).
    await expect
      .poll(() => page.evaluate(() => fetch('/api/me').then((r) => r.status)), { timeout: 30_000 })
      .toBe(401)
    const status = (cache: RequestCache) =>
      page.evaluate(({ u, cache }) => fetch(u, { cache }).then((r) => r.status), {
        u: image,
        cache,
      })
    expect(await status('default')).not.toBe(200)
    expect(await status('force-cache')).not.toBe(200)
  })
})
