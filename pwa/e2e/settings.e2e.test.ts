import { readFile } from 'node:fs/promises'
import { unzipSync } from 'fflate'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { signUpInContext } from './account.ts'
import { axeViolations } from './axe.ts'
import { launchBrowser } from './browser.ts'
import { createGeneration, renderedCards, settledStatus } from './history-helpers.ts'

const baseUrl = inject('baseUrl')
const url = (path: string) => new URL(path, baseUrl).toString()

const section = (page: Page, title: string) =>
  page.locator('page-settings section').filter({ has: page.getByRole('heading', { name: title }) })

describe('Settings and storage in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  let id = ''

  beforeAll(async () => {
    browser = await launchBrowser()
    await signUpInContext(browser.context, baseUrl)
    page = await browser.context.newPage()
  })
  afterAll(async () => {
    await browser.close()
  })

  it('should show the storage estimate, the version and no axe violations', async () => {
    await page.goto(url('/settings'))
    await expect
      .poll(() => section(page, 'Storage').textContent())
      .toMatch(/Using [\d.]+ (bytes|KB|MB|GB) of [\d.]+ (KB|MB|GB|TB)/)
    expect(await section(page, 'App').textContent()).toMatch(/Version \d+\.\d+\.\d+/)
    // It says "Calculating…" until its own read of the outbox is back.
    await expect
      .poll(() => section(page, 'Waiting requests').textContent())
      .toContain('No requests are waiting on this device.')
    await page.evaluate(() => navigator.serviceWorker.ready)
    expect(await axeViolations(page)).toEqual([])
  })

  it('should export a ZIP with each generation’s JSON and image', async () => {
    id = await createGeneration(page, 'ad-graphic', 'A bakery window at dawn')
    expect(await settledStatus(page, id)).toBe('succeeded')
    await page.goto(url('/history'))
    await expect
      .poll(async () => (await renderedCards(page)).map((c) => c.thumbnailLoaded), {
        timeout: 30_000,
      })
      .toEqual([true])
    await page.goto(url('/settings'))
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Export my history' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^addreams-history-\d{4}-\d{2}-\d{2}\.zip$/)
    const entries = unzipSync(new Uint8Array(await readFile((await download.path()) ?? '')))
    const names = Object.keys(entries)
    const folder = names.find((n) => n.endsWith(`${id}/generation.json`))?.replace(/\/[^/]+$/, '')
    expect(folder).toBeDefined()
    expect(names.sort()).toEqual([`${folder}/generation.json`, `${folder}/image-1.png`])
    const json = JSON.parse(new TextDecoder().decode(entries[`${folder}/generation.json`]))
    expect(json).toMatchObject({ id, workflow: 'ad-graphic', status: 'succeeded' })
    expect(json.params.prompt).toBe('A bakery window at dawn')
    expect([...(entries[`${folder}/image-1.png`] ?? []).slice(0, 4)]).toEqual([
      0x89, 0x50, 0x4e, 0x47,
    ])
    await expect
      .poll(() => section(page, 'Export').textContent())
      .toContain('Exported 1 generation and 1 image.')
  })

  it('should count the cached images and clear them after a confirm', async () => {
    await page.reload()
    const images = section(page, 'Cached images')
    await expect.poll(() => images.textContent()).toMatch(/1 image, [\d.]+ (KB|MB)/)
    await images.getByRole('button', { name: 'Clear cached images' }).click()
    const dialog = page.locator('app-dialog dialog')
    await expect.poll(() => dialog.textContent()).toContain('Thumbnails stay')
    await dialog.getByRole('button', { name: 'Clear cached images' }).click()
    await expect.poll(() => images.textContent()).toContain('No cached images.')
    expect(await axeViolations(page)).toEqual([])
  })

  it('should export offline with only the images still cached', async () => {
    await browser.context.setOffline(true)
    try {
      await page.reload()
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 30_000 }),
        page.getByRole('button', { name: 'Export my history' }).click(),
      ])
      const entries = unzipSync(new Uint8Array(await readFile((await download.path()) ?? '')))
      expect(Object.keys(entries).map((n) => n.split('/').pop())).toEqual(['generation.json'])
      await expect
        .poll(() => section(page, 'Export').textContent())
        .toContain('1 not included: they need a connection.')
    } finally {
      await browser.context.setOffline(false)
    }
  })
})
