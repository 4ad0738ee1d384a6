import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { signUpInContext } from './account.ts'
import { launchBrowser } from './browser.ts'

const baseUrl = inject('baseUrl')

const shellHeading = (page: Page) => page.locator('main h1').first()
const offlineBar = (page: Page) =>
  page.locator('app-offline-indicator .bar').textContent({ timeout: 1_000 })

describe('the app shell in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page

  beforeAll(async () => {
    browser = await launchBrowser()
    // History needs sign-in; offline, the device's stored user opens it.
    await signUpInContext(browser.context, baseUrl)
    page = await browser.context.newPage()
  })
  afterAll(async () => {
    await browser.close()
  })

  it('should render the shell and come under the service worker’s control', async () => {
    await page.goto(baseUrl)
    await expect.poll(() => page.locator('header').first().textContent()).toContain('Addreams')
    // The landing's background session check stores the user, then moves on to History: only
    // then can the device open History offline, which the next tests do.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/history')
    await page.evaluate(() => navigator.serviceWorker.ready)
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
        timeout: 15_000,
      })
      .toBe(true)
    const precached = await page.evaluate(async () => {
      const names = await caches.keys()
      const precache = names.find((name) => name.startsWith('workbox-precache'))
      return precache
        ? (await (await caches.open(precache)).keys()).map((r) => new URL(r.url).pathname)
        : []
    })
    expect(precached.some((p) => p.startsWith('/index.html'))).toBe(true)
    expect(precached.some((p) => p.endsWith('.js'))).toBe(true)
  })

  it('should still render the shell after going offline and reloading', async () => {
    await browser.context.setOffline(true)
    try {
      await page.reload()
      await expect.poll(() => page.locator('header').first().textContent()).toContain('Addreams')
      await expect.poll(() => shellHeading(page).isVisible()).toBe(true)
      await page.goto(new URL('/history', baseUrl).toString())
      await expect.poll(() => shellHeading(page).textContent()).toMatch(/History/)
      await expect.poll(() => offlineBar(page)).toContain("You're offline.")
      await expect(
        page.evaluate(() => fetch('/api/health').then((r) => r.status))
      ).rejects.toThrow()
    } finally {
      await browser.context.setOffline(false)
    }
  })

  /** @see the offline bar missing after an offline reload of History */
  it('should show the offline bar after an offline reload that starts the service worker afresh', async () => {
    await page.goto(new URL('/history', baseUrl).toString())
    await expect.poll(() => shellHeading(page).textContent()).toMatch(/History/)
    await browser.context.setOffline(true)
    try {
      // A worker that starts for the reload leaves Chromium's navigator.onLine true in the page
      // while every request fails, as on a network without internet.
      const cdp = await browser.context.newCDPSession(page)
      await cdp.send('ServiceWorker.enable')
      await cdp.send('ServiceWorker.stopAllWorkers')
      await page.reload()
      await expect.poll(() => shellHeading(page).textContent()).toMatch(/History/)
      await expect.poll(() => offlineBar(page)).toContain("You're offline.")
      await expect.poll(() => page.getByText("Couldn't refresh.").count()).toBe(0)
    } finally {
      await browser.context.setOffline(false)
    }
  })
})
