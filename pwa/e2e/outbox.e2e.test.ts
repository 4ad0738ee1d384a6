import { randomUUID } from 'node:crypto'
import type { BrowserContext, Page, Request } from 'playwright-core'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { BACKOFF_CAP_MS } from '../src/data/backoff.ts'
import { signUpInContext } from './account.ts'
import { launchBrowser } from './browser.ts'
import { installed, primary, resultState, storedOutbox, walkToReview } from './studio-helpers.ts'

const baseUrl = inject('baseUrl')
const url = (path: string) => new URL(path, baseUrl).toString()

/**
 * Watches POST /api/generations from every page and the service worker of `context` (Playwright
 * reports both). `settled` waits until none is still on its way, since Playwright reports a
 * request a little after the app has seen its answer, then lists the Idempotency-Keys of those
 * that reached the server (attempts made offline fail before leaving the browser).
 */
const watchCreates = (context: BrowserContext) => {
  const sent: string[] = []
  let pending = 0
  const isCreate = (request: Request) =>
    request.method() === 'POST' && new URL(request.url()).pathname === '/api/generations'
  context.on('request', (request) => {
    if (isCreate(request)) pending++
  })
  context.on('requestfailed', (request) => {
    if (isCreate(request)) pending--
  })
  context.on('requestfinished', (request) => {
    if (!isCreate(request)) return
    pending--
    sent.push(request.headers()['idempotency-key'] ?? '')
  })
  return {
    settled: async (): Promise<string[]> => {
      await expect.poll(() => pending).toBe(0)
      return [...sent]
    },
  }
}

/** The server's view: generations and generation debits of the signed-in user. */
const serverState = async (context: BrowserContext) => {
  const generations = (await (await context.request.get(url('/api/generations'))).json()) as {
    items: { id: string }[]
  }
  const ledger = (await (await context.request.get(url('/api/credits/ledger'))).json()) as {
    items: { reason: string; delta: number; generationId: string | null }[]
  }
  return {
    generations: generations.items.map((g) => g.id),
    debits: ledger.items.filter((e) => e.reason === 'generation'),
  }
}

/**
 * Moves a request's next attempt `ms` into the future once its first attempt has failed, with raw
 * IndexedDB in one transaction; false while that attempt has not failed yet.
 */
const postponeRetry = (page: Page, id: string, ms: number) =>
  page.evaluate(
    ({ id, ms }) =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('addreams')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction('outbox', 'readwrite')
          const store = tx.objectStore('outbox')
          let done = false
          const get = store.get(id)
          get.onsuccess = () => {
            const entry = get.result as { state: string; attempts: number } | undefined
            done = entry?.state === 'waiting' && entry.attempts > 0
            if (done) store.put({ ...entry, nextAttemptAt: Date.now() + ms })
          }
          tx.oncomplete = () => {
            open.result.close()
            resolve(done)
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    { id, ms }
  )

/** A card's stored thumbnail, read with raw IndexedDB. */
const storedThumbnail = (page: Page, id: string) =>
  page.evaluate(
    (id) =>
      new Promise<{ source: unknown; type: string; longest: number } | null>((resolve, reject) => {
        const open = indexedDB.open('addreams')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const get = open.result.transaction('thumbnails').objectStore('thumbnails').get(id)
          get.onerror = () => reject(get.error)
          get.onsuccess = () => {
            open.result.close()
            const t = get.result as
              | { source?: string; blob: Blob; width: number; height: number }
              | undefined
            resolve(
              t
                ? { source: t.source, type: t.blob.type, longest: Math.max(t.width, t.height) }
                : null
            )
          }
        }
      }),
    id
  )

/**
 * Walks the Ad Graphic studio to Review, online, once the balance is known and the service worker
 * controls the page (an installed app; going offline mid-install would leave none).
 */
const openReview = async (page: Page, prompt: string) => {
  await page.goto(url('/studio/ad-graphic'))
  await installed(page)
  await walkToReview(page, prompt)
  await expect
    .poll(async () => (await primary(page).textContent())?.trim(), { timeout: 15_000 })
    .toBe('Generate · 1 credit')
}

/** Taps Queue (offline); the request waits on the device. */
const tapQueue = async (page: Page) => {
  await expect
    .poll(async () => (await primary(page).textContent())?.trim())
    .toBe('Queue · 1 credit')
  await primary(page).click()
  await expect.poll(() => resultState(page)).toContain('Waiting to send')
  const [entry] = await storedOutbox(page)
  if (!entry) throw new Error('nothing was queued')
  return entry
}

/** Goes offline and taps Queue. */
const queueOffline = async (context: BrowserContext, page: Page) => {
  await context.setOffline(true)
  return tapQueue(page)
}

describe('the outbox in Chromium against the real Worker', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined

  afterEach(async () => {
    await browser?.close()
    browser = undefined
  })

  it('should send a request queued offline exactly once when the connection returns', async () => {
    browser = await launchBrowser()
    const { context } = browser
    await signUpInContext(context, baseUrl)
    const creates = watchCreates(context)
    const page = await context.newPage()
    await openReview(page, 'Fresh bread on a rustic table')
    const entry = await queueOffline(context, page)
    expect(await creates.settled()).toEqual([])

    await context.setOffline(false)
    await expect
      .poll(async () => (await serverState(context)).generations, { timeout: 20_000 })
      .toEqual([entry.id])
    await expect.poll(() => storedOutbox(page)).toEqual([])
    const { debits } = await serverState(context)
    expect(debits.map((d) => [d.generationId, d.delta])).toEqual([[entry.id, -1]])
    expect(await creates.settled()).toEqual([entry.id])

    // Once ready, the card gets a thumbnail of image 0, and the service worker keeps the image.
    await expect.poll(() => resultState(page), { timeout: 60_000 }).toContain('Ready')
    await expect
      .poll(() => storedThumbnail(page, entry.id), { timeout: 30_000 })
      .toMatchObject({ source: 'image', type: expect.stringMatching(/^image\/(webp|jpeg)$/) })
    expect((await storedThumbnail(page, entry.id))?.longest).toBeLessThanOrEqual(320)
    await expect
      .poll(() =>
        page.evaluate(async (id) => {
          const cache = await caches.open('addreams-images')
          return (await cache.match(`/api/generations/${id}/images/0`))?.status
        }, entry.id)
      )
      .toBe(200)
  })

  it('should queue offline from a studio never opened online, on a device that only opened History', async () => {
    browser = await launchBrowser()
    const { context } = browser
    await signUpInContext(context, baseUrl)
    const page = await context.newPage()
    await page.goto(url('/history'))
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('History')
    await installed(page)

    await context.setOffline(true)
    await page.locator('app-nav a[href="/studio/ad-graphic"]').first().click()
    await walkToReview(page, 'Lemon soda on ice')
    const entry = await tapQueue(page)

    await context.setOffline(false)
    await expect
      .poll(async () => (await serverState(context)).generations, { timeout: 20_000 })
      .toEqual([entry.id])
    const { debits } = await serverState(context)
    expect(debits.map((d) => [d.generationId, d.delta])).toEqual([[entry.id, -1]])
  })

  it('should send a queued request once when two tabs come back online together', async () => {
    browser = await launchBrowser()
    const { context } = browser
    await signUpInContext(context, baseUrl)
    const creates = watchCreates(context)
    const studio = await context.newPage()
    const history = await context.newPage()
    await history.goto(url('/history'))
    await openReview(studio, 'A lemonade stand at noon')
    const entry = await queueOffline(context, studio)
    await expect.poll(() => history.getByText('Waiting to send').count()).toBeGreaterThan(0)

    await context.setOffline(false)
    await expect
      .poll(async () => (await serverState(context)).generations, { timeout: 20_000 })
      .toEqual([entry.id])
    await expect.poll(() => storedOutbox(history)).toEqual([])
    // Both tabs (and the service worker) flush on `online`; the Web Lock lets one send.
    await history.reload()
    await studio.reload()
    await expect.poll(() => storedOutbox(studio)).toEqual([])
    expect(await creates.settled()).toEqual([entry.id])
    expect((await serverState(context)).debits).toHaveLength(1)
  })

  it("should send a queued request from the service worker's Background Sync with the app closed", async () => {
    browser = await launchBrowser()
    const { context } = browser
    await signUpInContext(context, baseUrl)
    const page = await context.newPage()
    await openReview(page, 'Olive oil on a marble counter')
    const entry = await queueOffline(context, page)
    // Its failed attempt leaves it a backoff of at most a few seconds; as after many failed
    // attempts, it has the longest one, so the sync event below surely comes during it.
    await expect.poll(() => postponeRetry(page, entry.id, BACKOFF_CAP_MS)).toBe(true)

    // The app is closed while offline; the browser starts again later with the network back.
    const restarted = await browser.restart()
    const blank = restarted.pages()[0] ?? (await restarted.newPage())
    expect(restarted.pages().map((p) => p.url())).toEqual(['about:blank'])
    // Chromium's own Background Sync may already be on it; DevTools fires the event as well.
    const cdp = await restarted.newCDPSession(blank)
    const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = []
    cdp.on('ServiceWorker.workerRegistrationUpdated', (update) => {
      registrations.push(...update.registrations)
    })
    await cdp.send('ServiceWorker.enable')
    const isOurs = (r: (typeof registrations)[number]) => r.scopeURL === url('/') && !r.isDeleted
    await expect.poll(() => registrations.some(isOurs)).toBe(true)
    // The worker starts for this event alone, so its data script comes from what install stored.
    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin: new URL(baseUrl).origin,
      registrationId: registrations.find(isOurs)?.registrationId ?? '',
      tag: 'addreams-outbox',
      lastChance: false,
    })
    await expect
      .poll(async () => (await serverState(restarted)).generations, { timeout: 20_000 })
      .toEqual([entry.id])
    expect((await serverState(restarted)).debits).toHaveLength(1)
    const reopened = await restarted.newPage()
    await reopened.goto(url('/history'))
    await expect.poll(() => storedOutbox(reopened)).toEqual([])
  })

  it('should pause a queued request on 401 and send it after signing in again', async () => {
    browser = await launchBrowser()
    const { context } = browser
    const account = await signUpInContext(context, baseUrl)
    const creates = watchCreates(context)
    const page = await context.newPage()
    await openReview(page, 'Sneakers on a skateboard')
    const entry = await queueOffline(context, page)
    // The session ends on the server while the request waits on the device.
    const out = await context.request.post(url('/api/auth/sign-out'), {
      headers: { origin: baseUrl },
      data: {},
    })
    expect(out.ok()).toBe(true)

    await context.setOffline(false)
    // The 401 pauses the request; the frame asks to sign in again (docs/product.md §9.7).
    await expect
      .poll(() => page.getByText('Your session has ended.').isVisible(), { timeout: 20_000 })
      .toBe(true)
    await expect
      .poll(() => storedOutbox(page))
      .toEqual([{ id: entry.id, state: 'paused', prompt: 'Sneakers on a skateboard' }])
    // The page's session check or an attempt's 401 (the page's or the service worker's Background
    // Sync) found the session gone: at most that one attempt, never retried while paused.
    const whilePaused = await creates.settled()
    expect(whilePaused.length).toBeLessThanOrEqual(1)
    expect(whilePaused.every((key) => key === entry.id)).toBe(true)

    await page.getByRole('link', { name: 'Sign in' }).click()
    await page.locator('app-auth-form #email').fill(account.email)
    await page.locator('app-auth-form #password').fill(account.password)
    await page.locator('app-auth-form button[type="submit"]').click()
    await expect
      .poll(async () => (await serverState(context)).generations, { timeout: 20_000 })
      .toEqual([entry.id])
    expect((await serverState(context)).debits).toHaveLength(1)
    await expect.poll(() => storedOutbox(page)).toEqual([])
    expect(await creates.settled()).toEqual([...whilePaused, entry.id])
  })

  it('should show "Not sent" on the card and keep the inputs when the credits ran out', async () => {
    browser = await launchBrowser()
    const { context } = browser
    await signUpInContext(context, baseUrl)
    const page = await context.newPage()
    await openReview(page, 'A neon sign for a noodle bar')
    await context.setOffline(true)
    // Another device spends the last credit while this one is offline.
    const spent = await context.request.post(url('/api/generations'), {
      headers: { origin: baseUrl, 'idempotency-key': randomUUID() },
      multipart: {
        request: JSON.stringify({ workflow: 'ad-graphic', prompt: 'Elsewhere', n: 1 }),
      },
    })
    expect(spent.status()).toBe(202)
    const entry = await queueOffline(context, page)

    await context.setOffline(false)
    await expect
      .poll(() => resultState(page), { timeout: 20_000 })
      .toContain("Not sent: you don't have enough ad graphic credits. Nothing was charged.")
    expect(await storedOutbox(page)).toEqual([
      { id: entry.id, state: 'rejected', prompt: 'A neon sign for a noodle bar' },
    ])
    const { generations, debits } = await serverState(context)
    expect(generations).not.toContain(entry.id)
    expect(debits).toHaveLength(1)
  })
})
