import { existsSync } from 'node:fs'
import path from 'node:path'
import { openSignedInApp, watchFirstCard } from '../lib/app.mjs'
import { launchBrowser } from '../lib/browser.mjs'
import { fileSizes, KiB, precacheUrls, workerDataScript } from '../lib/dist.mjs'
import { figure, notMeasured } from '../lib/report.mjs'

/** Every script a first visit to `pathname` fetches (fresh profile), as dist/ paths. */
const scriptsLoaded = async ({ origin, distDir }, pathname) => {
  const browser = await launchBrowser()
  try {
    const page = await browser.context.newPage()
    const scripts = new Set()
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script' && res.url().startsWith(origin)) {
        scripts.add(new URL(res.url()).pathname.slice(1))
      }
    })
    await page.goto(`${origin}${pathname}`, { waitUntil: 'networkidle' })
    return [...scripts].filter((s) => s !== 'sw.js' && existsSync(path.join(distDir, s)))
  } finally {
    await browser.close()
  }
}

/**
 * Every script a signed-in device asks for when it opens /history in a new tab before the frame
 * that drew the first history card: the start issue 15 is about, which a first visit (redirected
 * to sign-in) is not. Read from the page's resource timing, so work the app starts once that frame
 * has painted (Dexie, the sync engine) is told apart from the start itself, however late the
 * bench notices the card.
 */
const scriptsBeforeFirstCard = async (ctx) => {
  const app = await openSignedInApp(ctx, { generations: 5 })
  try {
    const page = await app.context.newPage()
    await page.addInitScript(watchFirstCard)
    await page.goto(`${ctx.origin}/history`, { waitUntil: 'commit' })
    await page.waitForFunction(() => window.__benchCard !== undefined, null, { timeout: 60_000 })
    const urls = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime <= window.__benchCard)
        .map((entry) => entry.name)
    )
    const scripts = new Set(
      urls
        .filter((url) => url.startsWith(ctx.origin) && new URL(url).pathname.endsWith('.js'))
        .map((url) => new URL(url).pathname.slice(1))
    )
    return [...scripts].filter((s) => s !== 'sw.js' && existsSync(path.join(ctx.distDir, s)))
  } finally {
    await app.close()
  }
}

const sum = async (distDir, files) => {
  const sizes = await Promise.all(files.map((file) => fileSizes(distDir, file)))
  return {
    raw: sizes.reduce((t, s) => t + s.raw, 0),
    gzip: sizes.reduce((t, s) => t + s.gzip, 0),
  }
}

export const title = '1. Bundle'
export const about =
  'Sizes of the production build (`npm run build -w @app/pwa`). Initial JS = every script a first ' +
  'visit fetches in Chromium (entry, its imports and the route chunk), gzip level 9; for a ' +
  'signed-in start, every script whose request began before the frame that drew the first card ' +
  "(the page's resource timing). Precache = the files in the manifest injected into sw.js."

export const run = async (ctx) => {
  const { distDir } = ctx
  const landing = await scriptsLoaded(ctx, '/')
  const history = await scriptsLoaded(ctx, '/history')
  const initial = await sum(distDir, landing)
  const historyJs = await sum(distDir, history)
  const signedIn = await scriptsBeforeFirstCard(ctx)
  const signedInJs = await sum(distDir, signedIn)
  const sw = await fileSizes(distDir, 'sw.js')
  const dataScript = await workerDataScript(distDir)
  const swData = dataScript ? await fileSizes(distDir, dataScript) : undefined
  const urls = await precacheUrls(distDir)
  const precache = await sum(distDir, urls)
  return [
    figure({
      name: 'Initial JS of a first visit to / (gzip)',
      value: initial.gzip / KiB,
      unit: 'KiB',
      budget: { op: '<=', limit: 60 },
      note: `${landing.length} scripts, ${(initial.raw / KiB).toFixed(1)} KiB raw: ${landing.join(', ')}`,
    }),
    figure({
      name: 'Initial JS of a first visit to /history (gzip)',
      value: historyJs.gzip / KiB,
      unit: 'KiB',
      budget: { op: '<=', limit: 60 },
      note: `${history.length} scripts, ${(historyJs.raw / KiB).toFixed(1)} KiB raw`,
    }),
    figure({
      name: 'Initial JS of a signed-in start of /history, up to its first card (gzip)',
      value: signedInJs.gzip / KiB,
      unit: 'KiB',
      budget: { op: '<=', limit: 60 },
      note: `${signedIn.length} scripts, ${(signedInJs.raw / KiB).toFixed(1)} KiB raw: ${signedIn.join(', ')}`,
    }),
    figure({
      name: 'Service worker sw.js (gzip)',
      value: sw.gzip / KiB,
      unit: 'KiB',
      budget: { op: '<=', limit: 15 },
      note: `${(sw.raw / KiB).toFixed(1)} KiB raw; parsed at every start of the worker`,
    }),
    swData
      ? figure({
          name: 'Service worker data script (gzip)',
          value: swData.gzip / KiB,
          unit: 'KiB',
          note: `${(swData.raw / KiB).toFixed(1)} KiB raw (${dataScript}): Dexie and the sync engine, stored at install, evaluated only for a Background Sync flush or a share`,
        })
      : notMeasured('Service worker data script (gzip)', 'sw.js names no worker-data script'),
    figure({
      name: 'Total precache (raw bytes on the device)',
      value: precache.raw / KiB,
      unit: 'KiB',
      note: `${urls.length} files; ${(precache.gzip / KiB).toFixed(1)} KiB gzip over the wire`,
    }),
  ]
}
