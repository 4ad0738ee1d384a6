import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { promisify } from 'node:util'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { signUpInContext } from './account.ts'
import { axeViolations } from './axe.ts'
import { launchBrowser } from './browser.ts'
import { makePng } from './png.ts'
import { shareToApp } from './share-target.ts'
import { primary, resultState, stepTitle, storedOutbox, walkToReview } from './studio-helpers.ts'

const baseUrl = inject('baseUrl')
const url = (path: string) => new URL(path, baseUrl).toString()

/** The draft as stored in the app's IndexedDB, read with raw IndexedDB (no test code in the app). */
const storedDraft = (page: Page, workflow: string) =>
  page.evaluate(
    (workflow) =>
      new Promise<{ prompt: unknown; photos: { type: string; size: number }[] } | null>(
        (resolve, reject) => {
          const open = indexedDB.open('addreams')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const get = open.result.transaction('drafts').objectStore('drafts').get(workflow)
            get.onerror = () => reject(get.error)
            get.onsuccess = () => {
              const draft = get.result as
                | { fields: { prompt: unknown }; photos: Blob[] }
                | undefined
              open.result.close()
              resolve(
                draft
                  ? {
                      prompt: draft.fields.prompt,
                      photos: draft.photos.map((p) => ({ type: p.type, size: p.size })),
                    }
                  : null
              )
            }
          }
        }
      ),
    workflow
  )

/** The ids of the generations the server holds for the signed-in user. */
const serverGenerations = async (context: BrowserContext) => {
  const res = await context.request.get(url('/api/generations'))
  return ((await res.json()) as { items: { id: string }[] }).items.map((g) => g.id)
}

/** The operator's credits command (`npm run credits`) against the test server's database. */
const grantCredits = (email: string, workflow: string, amount: number) =>
  promisify(execFile)(
    'node',
    [
      'scripts/credits.mjs',
      'grant',
      '--email',
      email,
      '--workflow',
      workflow,
      '--amount',
      String(amount),
    ],
    {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, ADDREAMS_STATE_DIR: inject('stateDir') },
    }
  )

/** Opens Ad Graphic, types `prompt` and goes to Review with Generate enabled. */
const openAdReview = async (page: Page, prompt: string) => {
  await page.goto(url('/studio/ad-graphic'))
  await walkToReview(page, prompt)
  await expect
    .poll(async () => (await primary(page).textContent())?.trim(), { timeout: 15_000 })
    .toBe('Generate · 1 credit')
}

/** Waits for the result view to say Ready and show a loaded image. */
const expectReady = async (page: Page) => {
  const result = page.locator('page-studio studio-result')
  await expect
    .poll(() => result.locator('p.state').first().textContent(), { timeout: 60_000 })
    .toContain('Ready')
  await expect
    .poll(
      () =>
        result
          .locator('.images img')
          .first()
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      { timeout: 15_000 }
    )
    .toBe(true)
}

describe('the studios in Chromium', () => {
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

  it('should check and prepare picked photos on the device and keep them in the draft across a reload', async () => {
    await page.goto(url('/studio/product-shoot'))
    await expect.poll(() => stepTitle(page).textContent(), { timeout: 15_000 }).toBe('Photos')
    expect(await page.locator('page-studio header').textContent()).toContain('Step 1 of 3')
    const picker = page.locator('studio-photo-picker input[multiple]')
    await picker.setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hi'),
    })
    await expect
      .poll(() =>
        page.getByText('Unsupported file type. Use JPEG, PNG, WEBP, BMP, TIFF or GIF.').isVisible()
      )
      .toBe(true)
    await picker.setInputFiles({
      name: 'tiny.png',
      mimeType: 'image/png',
      buffer: makePng(300, 300),
    })
    await expect
      .poll(() =>
        page.getByText('This photo is 300 × 300 px. Each side must be at least 384 px.').isVisible()
      )
      .toBe(true)
    // Transparent pixels keep the photo a PNG; removing it asks first.
    await picker.setInputFiles({
      name: 'cutout.png',
      mimeType: 'image/png',
      buffer: makePng(600, 600, { transparent: true }),
    })
    await expect
      .poll(async () => (await storedDraft(page, 'product-shoot'))?.photos.map((p) => p.type))
      .toEqual(['image/png'])
    await page.getByRole('button', { name: 'Remove image 1' }).click()
    const dialog = page.locator('app-dialog dialog')
    await expect.poll(() => dialog.locator('#title').textContent()).toBe('Remove this photo?')
    await dialog.getByRole('button', { name: 'Remove' }).click()
    await expect.poll(async () => (await storedDraft(page, 'product-shoot'))?.photos.length).toBe(0)
    await picker.setInputFiles({
      name: 'mug.png',
      mimeType: 'image/png',
      buffer: makePng(640, 480),
    })
    await expect.poll(() => page.getByText('Image 1', { exact: true }).isVisible()).toBe(true)
    // Opaque PNG → JPEG at its own size, with the non-blocking low-resolution warning.
    await expect
      .poll(async () => (await storedDraft(page, 'product-shoot'))?.photos ?? [])
      .toEqual([{ type: 'image/jpeg', size: expect.any(Number) }])
    expect(
      await page
        .getByText(
          'This photo is 640 × 480 px. Photos under 512 px on a side may give blurry results.'
        )
        .isVisible()
    ).toBe(true)
    expect(await axeViolations(page)).toEqual([])

    await page.reload()
    await expect.poll(() => stepTitle(page).textContent(), { timeout: 15_000 }).toBe('Photos')
    await expect.poll(() => page.getByText('Image 1', { exact: true }).isVisible()).toBe(true)
    await expect
      .poll(() =>
        page
          .locator('studio-photo-picker img')
          .first()
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 640)
      )
      .toBe(true)
  })

  it('should walk Product Shoot to Generate and show the result as Ready with an image', async () => {
    await primary(page).click()
    await expect.poll(() => stepTitle(page).textContent()).toBe('Direction')
    expect(await page.locator('studio-preset-cards input:checked').getAttribute('value')).toBe(
      'product-hero'
    )
    expect(await axeViolations(page)).toEqual([])
    await primary(page).click()
    await expect.poll(() => stepTitle(page).textContent()).toBe('Review')
    // The balance comes from a sync of its own.
    await expect
      .poll(() => page.locator('studio-review section').textContent())
      .toContain('Uses 1 product shoot credit. You have 1.')
    expect(await axeViolations(page)).toEqual([])
    await expect
      .poll(async () => (await primary(page).textContent())?.trim())
      .toBe('Generate · 1 credit')
    await primary(page).click()
    await expectReady(page)
    expect(await axeViolations(page)).toEqual([])
    // The draft stays after Generate, so the user can iterate.
    expect((await storedDraft(page, 'product-shoot'))?.photos).toHaveLength(1)
  })

  it('should join a photo shared from another app to the draft (share target)', async () => {
    await shareToApp(page, makePng(800, 600))
    await expect
      .poll(() => page.getByText('Image 2', { exact: true }).isVisible(), { timeout: 15_000 })
      .toBe(true)
    await expect.poll(() => new URL(page.url()).pathname).toBe('/studio/product-shoot')
    await expect.poll(async () => (await storedDraft(page, 'product-shoot'))?.photos.length).toBe(2)
  })

  it('should prefill the studio from a synced generation after confirming the draft replacement', async () => {
    const id = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('addreams')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const all = open.result.transaction('generations').objectStore('generations').getAll()
            all.onsuccess = () => {
              open.result.close()
              resolve(
                (all.result as { id: string; workflow: string }[]).find(
                  (g) => g.workflow === 'product-shoot'
                )?.id ?? ''
              )
            }
          }
        })
    )
    expect(id).not.toBe('')
    await page.goto(url(`/studio/product-shoot?from=${id}`))
    await page.getByRole('button', { name: 'Replace' }).click()
    await expect
      .poll(async () => (await storedDraft(page, 'product-shoot'))?.photos.length, {
        timeout: 15_000,
      })
      .toBe(1)
    await expect.poll(() => page.getByText('Image 2', { exact: true }).count()).toBe(0)
    await expect.poll(() => stepTitle(page).textContent()).toBe('Photos')
    await expect
      .poll(async () => (await storedDraft(page, 'product-shoot'))?.prompt)
      .toMatch(/^Professional product hero shot/)
  })

  it('should ask before a preset replaces typed text, and keep the edits when asked to', async () => {
    await primary(page).click()
    await expect.poll(() => stepTitle(page).textContent()).toBe('Direction')
    const direction = page.locator('studio-text-field#prompt textarea')
    await direction.fill('My mug on a walnut shelf')
    await page.locator('studio-preset-cards label', { hasText: 'Lifestyle Scene' }).click()
    const dialog = page.locator('app-dialog dialog')
    await expect.poll(() => dialog.isVisible()).toBe(true)
    expect(await dialog.locator('#body').textContent()).toBe(
      '“Lifestyle Scene” will replace what you changed in: shoot direction.'
    )
    expect(await axeViolations(page)).toEqual([])
    await dialog.getByRole('button', { name: 'Keep my edits' }).click()
    await expect
      .poll(() => page.locator('studio-preset-cards input:checked').getAttribute('value'))
      .toBe('lifestyle-scene')
    expect(await direction.inputValue()).toBe('My mug on a walnut shelf')
    await expect
      .poll(async () => (await storedDraft(page, 'product-shoot'))?.prompt)
      .toBe('My mug on a walnut shelf')
  })

  it('should block an over-limit ad prompt with the exact message', async () => {
    await page.goto(url('/studio/ad-graphic'))
    await expect.poll(() => stepTitle(page).textContent(), { timeout: 15_000 }).toBe('Describe')
    const prompt = page.locator('studio-text-field#prompt textarea')
    await prompt.fill('b'.repeat(801))
    await expect
      .poll(() => page.locator('studio-text-field#prompt .counter').textContent())
      .toBe('801/800')
    await primary(page).click()
    await expect
      .poll(() => page.getByText('Prompt must be 800 characters or fewer.').isVisible())
      .toBe(true)
    expect(await stepTitle(page).textContent()).toBe('Describe')
    expect(await prompt.getAttribute('aria-invalid')).toBe('true')
    expect(await axeViolations(page)).toEqual([])
  })

  it('should walk Ad Graphic to Generate and show the result as Ready with an image', async () => {
    await page.locator('studio-text-field#prompt textarea').fill('Fresh bread on a rustic table')
    await expect
      .poll(() => page.getByText('Prompt must be 800 characters or fewer.').count())
      .toBe(0)
    await primary(page).click()
    await expect.poll(() => stepTitle(page).textContent()).toBe('Format')
    expect(await page.getByText('This model makes 1 image per request.').isVisible()).toBe(true)
    expect(await axeViolations(page)).toEqual([])
    await primary(page).click()
    await expect.poll(() => stepTitle(page).textContent()).toBe('Review')
    expect(await axeViolations(page)).toEqual([])
    // Offline the same button queues, and the balance says when the server last sent it.
    await browser.context.setOffline(true)
    try {
      await expect
        .poll(async () => (await primary(page).textContent())?.trim())
        .toBe('Queue · 1 credit')
      expect(await page.locator('page-studio header').textContent()).toMatch(
        /1 credit \(as of .+\)/
      )
    } finally {
      await browser.context.setOffline(false)
    }
    await expect
      .poll(async () => (await primary(page).textContent())?.trim())
      .toBe('Generate · 1 credit')
    await primary(page).click()
    await expectReady(page)
    expect(await axeViolations(page)).toEqual([])
  })
  it('should ask before photos shared from another app replace a full draft', async () => {
    await page.goto(url('/studio/product-shoot'))
    await expect.poll(() => stepTitle(page).textContent(), { timeout: 15_000 }).toBe('Photos')
    await page.locator('studio-photo-picker input[multiple]').setInputFiles([
      { name: 'a.png', mimeType: 'image/png', buffer: makePng(640, 480) },
      { name: 'b.png', mimeType: 'image/png', buffer: makePng(640, 480) },
    ])
    await expect.poll(async () => (await storedDraft(page, 'product-shoot'))?.photos.length).toBe(3)
    const dialog = page.locator('app-dialog dialog')

    // Keeping the draft's photos drops the shared one.
    await shareToApp(page, makePng(800, 600))
    await expect
      .poll(() => dialog.locator('#title').textContent(), { timeout: 15_000 })
      .toBe('Replace the photos in your draft?')
    expect(await axeViolations(page)).toEqual([])
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => dialog.isVisible()).toBe(false)
    expect(await page.getByText('Image 3', { exact: true }).isVisible()).toBe(true)
    expect((await storedDraft(page, 'product-shoot'))?.photos).toHaveLength(3)

    await shareToApp(page, makePng(800, 600))
    await expect
      .poll(() => dialog.locator('#title').textContent(), { timeout: 15_000 })
      .toBe('Replace the photos in your draft?')
    await dialog.getByRole('button', { name: 'Replace' }).click()
    await expect
      .poll(async () => (await storedDraft(page, 'product-shoot'))?.photos.length, {
        timeout: 15_000,
      })
      .toBe(1)
    await expect.poll(() => page.getByText('Image 2', { exact: true }).count()).toBe(0)
    // The one photo left is the shared one (800 px wide), not one of the picked ones (640 px).
    await expect
      .poll(() =>
        page
          .locator('studio-photo-picker img')
          .first()
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 800)
      )
      .toBe(true)
  })
})

describe('the studios when a request fails in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let context: BrowserContext
  let page: Page
  let email: string

  beforeAll(async () => {
    browser = await launchBrowser()
    context = browser.context
    email = (await signUpInContext(context, baseUrl)).email
    page = await context.newPage()
  })
  afterAll(async () => {
    await browser.close()
  })

  it('should jump to the invalid field on a failed Generate, open its section and tie its message', async () => {
    await page.goto(url('/studio/product-shoot'))
    await expect.poll(() => stepTitle(page).textContent(), { timeout: 15_000 }).toBe('Photos')
    await page
      .locator('studio-photo-picker input[multiple]')
      .setInputFiles({ name: 'mug.png', mimeType: 'image/png', buffer: makePng(640, 480) })
    await expect.poll(() => page.getByText('Image 1', { exact: true }).isVisible()).toBe(true)
    await primary(page).click()
    await expect.poll(() => stepTitle(page).textContent()).toBe('Direction')
    await primary(page).click()
    await expect.poll(() => stepTitle(page).textContent()).toBe('Review')
    const advanced = page.locator('page-studio details.advanced')
    await advanced.locator('summary').click()
    const seed = page.locator('page-studio input#seed')
    await seed.fill('12.5')
    // Closed again: only the failed Generate can bring the field back into view.
    await advanced.locator('summary').click()
    expect(await advanced.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false)
    await expect
      .poll(async () => (await primary(page).textContent())?.trim())
      .toBe('Generate · 1 credit')

    await primary(page).click()
    await expect.poll(() => advanced.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true)
    await expect
      .poll(() => seed.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el))
      .toBe(true)
    expect(await stepTitle(page).textContent()).toBe('Review')
    expect(await seed.getAttribute('aria-invalid')).toBe('true')
    expect(await seed.getAttribute('aria-describedby')).toContain('seed-error')
    expect(await page.locator('page-studio #seed-error').textContent()).toMatch(
      /^Seed must be a whole number from 0 to \d+\.$/
    )
    expect(await storedOutbox(page)).toEqual([])
    expect(await axeViolations(page)).toEqual([])
  })

  it('should send an edited request in place of the one the server refused', async () => {
    const creates: string[] = []
    context.on('requestfinished', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/generations') {
        creates.push(request.headers()['idempotency-key'] ?? '')
      }
    })
    await openAdReview(page, 'A neon sign for a noodle bar')
    await context.setOffline(true)
    // Another device spends the last credit while this one is offline.
    const spent = await context.request.post(url('/api/generations'), {
      headers: { origin: baseUrl, 'idempotency-key': randomUUID() },
      multipart: {
        request: JSON.stringify({ workflow: 'ad-graphic', prompt: 'Elsewhere', n: 1 }),
      },
    })
    expect(spent.status()).toBe(202)
    await expect
      .poll(async () => (await primary(page).textContent())?.trim())
      .toBe('Queue · 1 credit')
    await primary(page).click()
    await expect.poll(() => resultState(page)).toContain('Waiting to send')
    const [refused] = await storedOutbox(page)
    if (!refused) throw new Error('nothing was queued')
    await context.setOffline(false)
    await expect
      .poll(() => resultState(page), { timeout: 20_000 })
      .toContain("Not sent: you don't have enough ad graphic credits. Nothing was charged.")

    // With a credit added, the user edits the refused request from its card's link.
    await grantCredits(email, 'ad-graphic', 1)
    await page.goto(url(`/studio/ad-graphic?edit=${refused.id}`))
    const dialog = page.locator('app-dialog dialog')
    await expect
      .poll(() => dialog.locator('#title').textContent(), { timeout: 15_000 })
      .toBe('Replace your current draft?')
    await dialog.getByRole('button', { name: 'Replace' }).click()
    const prompt = page.locator('studio-text-field#prompt textarea')
    await expect.poll(() => prompt.inputValue()).toBe('A neon sign for a noodle bar')
    await expect.poll(() => new URL(page.url()).search).toBe('')
    await prompt.fill('A neon sign for a ramen bar')
    await primary(page).click()
    await expect.poll(() => stepTitle(page).textContent()).toBe('Format')
    await primary(page).click()
    await expect.poll(() => stepTitle(page).textContent()).toBe('Review')
    await expect
      .poll(async () => (await primary(page).textContent())?.trim(), { timeout: 20_000 })
      .toBe('Generate · 1 credit')
    await primary(page).click()

    // The edited request went out under a new id; the refused one is gone from the device.
    await expect.poll(() => creates.length, { timeout: 20_000 }).toBe(2)
    const [first, edited] = creates
    expect(first).toBe(refused.id)
    expect(edited).not.toBe(refused.id)
    await expect
      .poll(async () => (await storedOutbox(page)).map((e) => e.id), { timeout: 20_000 })
      .toEqual([])
    const onServer = await serverGenerations(context)
    expect(onServer).toContain(edited)
    expect(onServer).not.toContain(refused.id)
    await expectReady(page)
  })
})
