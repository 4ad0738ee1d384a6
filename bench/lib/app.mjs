import { randomUUID } from 'node:crypto'
import { waitForEmailLink } from '../../scripts/lib/mailbox.mjs'
import { applySql, seedGenerationsSql } from './accounts.mjs'
import { launchBrowser } from './browser.mjs'

/** Counts the rows of one store of the app's IndexedDB database ('addreams') from the page. */
export const idbCount = (page, store) =>
  page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('addreams')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains(name)) {
            db.close()
            resolve(0)
            return
          }
          const request = db.transaction(name).objectStore(name).count()
          request.onsuccess = () => {
            db.close()
            resolve(request.result)
          }
          request.onerror = () => reject(request.error)
        }
      }),
    store
  )

/** Polls `probe` (async) until `done(value)`, every `everyMs`, failing after `timeoutMs`. */
export const pollUntil = async (probe, done, { everyMs = 250, timeoutMs = 120_000, what }) => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (done(value)) return value
    if (Date.now() > deadline)
      throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}

/**
 * Signs up through the API with the browser's cookie jar, so the app's pages are signed in, and
 * follows the verification email's link from the local mailbox at `mailboxUrl`: only verified
 * accounts may spend credits, which the outbox measure does.
 */
export const signUpInBrowser = async (context, origin, mailboxUrl) => {
  const email = `bench-${randomUUID()}@example.test`
  const ip = `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250)).join('.')}`
  const res = await context.request.post(`${origin}/api/auth/sign-up/email`, {
    data: { name: 'Bench Baker', email, password: 'a long bench password' },
    headers: { origin, 'cf-connecting-ip': ip },
  })
  if (!res.ok()) throw new Error(`sign-up failed: ${res.status()} ${await res.text()}`)
  const link = await waitForEmailLink(mailboxUrl, email, /^Verify your email/)
  const verified = await context.request.get(link, {
    maxRedirects: 0,
    headers: { 'cf-connecting-ip': ip },
  })
  if (verified.status() !== 302) throw new Error(`verification failed: ${verified.status()}`)
  return { userId: (await res.json()).user.id }
}

/**
 * A new device: a fresh Chromium profile signed in to a new account holding `generations` (and
 * `sql`) on the server, on its first load of /history, with `watchFirstCard` recording when the
 * first card is on screen. `t0` is when that load began (this process's clock).
 */
const openNewDevice = async (ctx, { generations = 0, sql = () => '' } = {}) => {
  const browser = await launchBrowser()
  try {
    const { context } = browser
    const { userId } = await signUpInBrowser(context, ctx.origin, ctx.mailboxUrl)
    const extra = sql(userId)
    if (generations || extra) {
      await applySql(
        ctx.stateDir,
        generations ? seedGenerationsSql(userId, generations) : '',
        extra
      )
    }
    const page = await context.newPage()
    await page.addInitScript(watchFirstCard)
    const t0 = performance.now()
    await page.goto(`${ctx.origin}/history`)
    return { ...browser, page, userId, t0 }
  } catch (error) {
    await browser.close()
    throw error
  }
}

/**
 * A Chromium profile signed in to the app, with `generations` seeded on the server and pulled by
 * the app's own sync into IndexedDB, and the service worker controlling the page. Returns how
 * long the app took to pull them (from the first load of /history to the last row stored), and
 * when the first card was on screen during that sync (ms since navigation start).
 */
export const openSignedInApp = async (ctx, { generations = 0, sql = () => '' } = {}) => {
  const device = await openNewDevice(ctx, { generations, sql })
  try {
    const { page, t0 } = device
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 60_000,
    })
    await pollUntil(
      () => idbCount(page, 'generations'),
      (n) => n >= generations,
      { what: 'generations pulled into IndexedDB', timeoutMs: 240_000 }
    )
    const syncMs = performance.now() - t0
    const firstCardMs = await page.evaluate(() => window.__benchCard)
    return { ...device, syncMs, firstCardMs }
  } catch (error) {
    await device.close()
    throw error
  }
}

/**
 * When a new device's first load of /history, with `generations` on the server, drew its first
 * card (ms since navigation start); the device is closed once it has.
 */
export const newDeviceFirstCard = async (ctx, generations) => {
  const { page, close } = await openNewDevice(ctx, { generations })
  try {
    await page.waitForFunction(() => window.__benchCard !== undefined, null, { timeout: 60_000 })
    return await page.evaluate(() => window.__benchCard)
  } finally {
    await close()
  }
}

/** Shared by the measures that need the app holding 10,000 synced generations: made once. */
export const largeApp = (() => {
  let made
  return (ctx, generations) => {
    made ??= openSignedInApp(ctx, { generations }).then((app) => {
      ctx.cleanups.push(app.close)
      return app
    })
    return made
  }
})()

/**
 * An init script: records in `window.__benchCard` the time (ms since navigation start) of the
 * first animation frame in which a history card is in the DOM, looking through shadow roots.
 */
export const watchFirstCard = () => {
  const find = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName === 'history-card') return true
      if (el.shadowRoot && find(el.shadowRoot)) return true
    }
    return false
  }
  const tick = () => {
    if (find(document)) window.__benchCard = performance.now()
    else requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

/** Elements in the page, including those inside shadow roots. */
export const deepElementCount = (page) =>
  page.evaluate(() => {
    const count = (root) => {
      let n = 0
      for (const el of root.querySelectorAll('*')) {
        n += 1
        if (el.shadowRoot) n += count(el.shadowRoot)
      }
      return n
    }
    return count(document)
  })
