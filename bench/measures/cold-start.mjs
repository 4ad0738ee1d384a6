import { largeApp, newDeviceFirstCard, openSignedInApp, watchFirstCard } from '../lib/app.mjs'
import { throttleCpu } from '../lib/browser.mjs'
import { LARGE, SMALL } from '../lib/fixtures.mjs'
import { figure } from '../lib/report.mjs'
import { median } from '../lib/stats.mjs'

const RUNS = 9
/** New devices whose first card is timed: the one that pulls the large history, and more. */
const NEW_DEVICES = 5

export const title = '2. Offline cold start'
export const about =
  `Chromium (Debian, headless, 390×844), 4× CPU throttling, network off, service worker ` +
  `controlling, ${LARGE.toLocaleString('en')} generations in IndexedDB (pulled by the app's own sync ` +
  `from a seeded server). Each of ${RUNS} runs opens a new tab on /history; the browser process and ` +
  'its HTTP cache stay warm, so this is a new-tab start, not a device reboot. First card = first ' +
  'animation frame with a history card in the DOM; bare shell = the first contentful paint of the ' +
  'same navigation (the header and navigation, drawn before any history is read). Medians; ' +
  "a ratio is the median of each navigation's own card ÷ shell, so a run's pace cancels out. " +
  `The control repeats it with ${SMALL} generations stored, to separate the cost of the data from ` +
  'the cost of starting the page. The first card during a first sync is timed on ' +
  `${NEW_DEVICES} new devices (each a new profile and account with ${LARGE.toLocaleString('en')} ` +
  'generations on the server, unthrottled, online), median.'

/** Opens /history in new tabs, offline and throttled; returns each run's card and FCP times. */
const coldRuns = async (app, origin) => {
  await app.context.setOffline(true)
  const cards = []
  const shells = []
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await app.context.newPage()
      try {
        await page.addInitScript(watchFirstCard)
        await throttleCpu(page, 4)
        await page.goto(`${origin}/history`, { waitUntil: 'commit' })
        // The paint entry is reported after its frame is presented, which may be the card's own.
        await page.waitForFunction(
          () =>
            window.__benchCard !== undefined &&
            performance.getEntriesByName('first-contentful-paint').length > 0,
          null,
          { timeout: 60_000 }
        )
        const timing = await page.evaluate(() => ({
          card: window.__benchCard,
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
          controlled: navigator.serviceWorker.controller !== null,
        }))
        if (timing.fcp === undefined) throw new Error('no first-contentful-paint entry')
        if (!timing.controlled) throw new Error('a run was not controlled by the service worker')
        cards.push(timing.card)
        shells.push(timing.fcp)
      } finally {
        await page.close()
      }
    }
  } finally {
    await app.context.setOffline(false)
  }
  return {
    cards,
    shells,
    card: median(cards),
    shell: median(shells),
    ratio: median(cards.map((card, i) => card / shells[i])),
  }
}

const runs = (times) => `runs: ${times.map((t) => t.toFixed(0)).join(', ')}`

export const run = async (ctx) => {
  const app = await largeApp(ctx, LARGE)
  const large = await coldRuns(app, ctx.origin)
  const smallApp = await openSignedInApp(ctx, { generations: SMALL })
  let small
  try {
    small = await coldRuns(smallApp, ctx.origin)
  } finally {
    await smallApp.close()
  }
  const firstCards = [app.firstCardMs]
  while (firstCards.length < NEW_DEVICES) firstCards.push(await newDeviceFirstCard(ctx, LARGE))
  return [
    figure({
      name: 'Bare shell painted (FCP, median)',
      value: large.shell,
      unit: 'ms',
      note: runs(large.shells),
    }),
    figure({
      name: `First history card with ${LARGE.toLocaleString('en')} stored (median)`,
      value: large.card,
      unit: 'ms',
      note: runs(large.cards),
    }),
    figure({
      name: 'First card / bare shell (median of runs)',
      value: large.ratio,
      unit: '×',
      budget: { op: '<=', limit: 1.5 },
      note: `ratio of the medians ${(large.card / large.shell).toFixed(2)}`,
    }),
    figure({
      name: `Control: first card / bare shell with ${SMALL} stored (median of runs)`,
      value: small.ratio,
      unit: '×',
      budget: { op: '<=', limit: 1.3 },
      note: `card ${small.card.toFixed(0)} ms, shell ${small.shell.toFixed(0)} ms (medians; their ratio ${(small.card / small.shell).toFixed(2)}); card ${runs(small.cards)}; shell ${runs(small.shells)}`,
    }),
    figure({
      name: `App's own initial sync of ${LARGE.toLocaleString('en')} generations (browser)`,
      value: LARGE / (app.syncMs / 1000),
      unit: 'items/s',
      note: `${(app.syncMs / 1000).toFixed(1)} s from opening /history to the last row in IndexedDB, unthrottled, online`,
    }),
    figure({
      name: `App's own initial sync of ${LARGE.toLocaleString('en')} generations, time (browser)`,
      value: app.syncMs,
      unit: 'ms',
      budget: { op: '<=', limit: 5_000 },
      note: 'the same sync as above, as a time',
    }),
    figure({
      name: "First history card during a new device's first sync (median)",
      value: median(firstCards),
      unit: 'ms',
      budget: { op: '<=', limit: 1_000 },
      note: `ms after navigation start of a new device's first /history load (first page pulled and drawn); ${runs(firstCards)}`,
    }),
  ]
}
