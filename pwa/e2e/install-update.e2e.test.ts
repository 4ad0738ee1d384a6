import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser } from './browser.ts'

const baseUrl = inject('baseUrl')
const swPath = path.join(import.meta.dirname, '../dist/sw.js')

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 })

describe('installing and updating the app', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page

  beforeAll(async () => {
    browser = await launchBrowser()
    page = await browser.context.newPage()
    await page.goto(baseUrl)
    await page.evaluate(() => navigator.serviceWorker.ready)
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  })
  afterAll(async () => {
    await browser.close()
  })

  it('should be installable, with a narrow screenshot in the manifest', async () => {
    const cdp = await browser.context.newCDPSession(page)
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
    expect(installabilityErrors).toEqual([])
    // Chromium offered installation (beforeinstallprompt), so the landing page offers it too.
    await poll(() => page.locator('app-install-button button').textContent()).toContain(
      'Install app'
    )
    const manifest = await (await fetch(new URL('/manifest.webmanifest', baseUrl))).json()
    const narrow = manifest.screenshots.find(
      (s: { form_factor?: string }) => s.form_factor === 'narrow'
    )
    expect(narrow).toMatchObject({ sizes: '390x844', type: 'image/png' })
    const image = await fetch(new URL(narrow.src, baseUrl))
    expect(image.headers.get('content-type')).toBe('image/png')
    // PNG width and height sit at bytes 16–23 of the IHDR chunk.
    const bytes = Buffer.from(await image.arrayBuffer())
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([390, 844])
  })

  it('should offer "Update available — Reload" for a waiting worker, and Reload activates it', async () => {
    const original = await readFile(swPath, 'utf8')
    try {
      await writeFile(swPath, `${original}\n// e2e update ${Date.now()}\n`)
      await page.evaluate(() => {
        ;(window as unknown as { beforeUpdate: boolean }).beforeUpdate = true
      })
      // wrangler dev serves the changed file once its watcher has seen it, so check until then.
      await poll(() =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.ready
          if (!registration.waiting && !registration.installing) await registration.update()
          return registration.waiting !== null
        })
      ).toBe(true)
      const banner = page.locator('app-update-banner [role="status"]')
      await poll(() => banner.textContent()).toContain('Update available')
      // It never reloads by itself: the old page is still here.
      expect(await page.evaluate(() => 'beforeUpdate' in window)).toBe(true)

      await banner.getByRole('button', { name: 'Reload' }).click()
      await poll(() => page.evaluate(() => 'beforeUpdate' in window).catch(() => true)).toBe(false)
      await poll(() =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.ready
          return registration.waiting === null && navigator.serviceWorker.controller !== null
        })
      ).toBe(true)
      expect(await banner.textContent()).not.toContain('Update available')
    } finally {
      await writeFile(swPath, original)
    }
  })
})
