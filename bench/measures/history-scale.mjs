import { deepElementCount, largeApp, watchFirstCard } from '../lib/app.mjs'
import { LARGE } from '../lib/fixtures.mjs'
import { figure } from '../lib/report.mjs'
import { quantile } from '../lib/stats.mjs'
import { heavyFrameCauses, scriptTimePerFrame, startTrace } from '../lib/trace.mjs'

const STEPS = 150
const STEP_PX = 500

export const title = '3. History at scale'
export const about =
  `/history with ${LARGE.toLocaleString('en')} generations in IndexedDB, offline (no sync running), ` +
  `no CPU throttling, 390×844. Scrolling = ${STEPS} mouse-wheel steps of ${STEP_PX} px about 30 ms ` +
  'apart, then a jump to the middle and more steps, done twice: once counting elements (through ' +
  'shadow roots) every 15 steps, once under a DevTools trace with nothing else running in the page. ' +
  "Script time per frame = the union of the main thread's script events between consecutive " +
  'BeginMainThreadFrame events. Memory after a forced GC.'

/** Wheel steps about 30 ms apart, with a jump to the middle halfway; `each(i)` runs after step i. */
const scroll = async (page, each) => {
  for (let i = 0; i < STEPS; i++) {
    if (i === STEPS / 2) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2))
    }
    await page.mouse.wheel(0, STEP_PX)
    await page.waitForTimeout(30)
    await each(i)
  }
}

export const run = async (ctx) => {
  const app = await largeApp(ctx, LARGE)
  await app.context.setOffline(true)
  const page = await app.context.newPage()
  try {
    await page.addInitScript(watchFirstCard)
    await page.goto(`${ctx.origin}/history`, { waitUntil: 'commit' })
    await page.waitForFunction(() => window.__benchCard !== undefined, null, { timeout: 60_000 })
    await page.mouse.move(195, 500)
    const counts = [await deepElementCount(page)]
    await scroll(page, (i) =>
      i % 15 === 14 ? deepElementCount(page).then((n) => counts.push(n)) : undefined
    )
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.waitForTimeout(500)
    const trace = await startTrace(page)
    await scroll(page, () => undefined)
    const events = await trace.stop()
    const scrolled = await page.evaluate(() => ({
      y: window.scrollY,
      height: document.documentElement.scrollHeight,
    }))
    const frames = scriptTimePerFrame(events)
    const perFrame = frames.map((f) => f.ms)
    if (perFrame.length < 10) throw new Error(`only ${perFrame.length} frames in the trace`)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('Performance.enable')
    const { metrics } = await cdp.send('Performance.getMetrics')
    const metric = (name) => metrics.find((m) => m.name === name)?.value
    const maxCount = Math.max(...counts)
    return [
      figure({
        name: 'DOM elements while scrolling (max, incl. shadow roots)',
        value: maxCount,
        budget: { op: '<', limit: 1500 },
        note: `samples: ${counts.join(', ')}; page ${Math.round(scrolled.height).toLocaleString('en')} px tall, ended at ${Math.round(scrolled.y).toLocaleString('en')} px`,
      }),
      figure({
        name: 'Script time per frame while scrolling (p95)',
        value: quantile(perFrame, 0.95),
        unit: 'ms',
        budget: { op: '<=', limit: 10 },
        note: `${perFrame.length} frames, ${perFrame.filter((ms) => ms > 10).length} over 10 ms; p50 ${quantile(perFrame, 0.5).toFixed(2)} ms, max ${Math.max(...perFrame).toFixed(1)} ms; time of those frames: ${heavyFrameCauses(frames, 10).join(', ')}`,
      }),
      figure({
        name: 'JS heap used after scrolling (after GC)',
        value: metric('JSHeapUsedSize') / 2 ** 20,
        unit: 'MiB',
        note: `heap total ${(metric('JSHeapTotalSize') / 2 ** 20).toFixed(1)} MiB; ${metric('Nodes')} DOM nodes incl. text; ${metric('JSEventListeners')} listeners`,
      }),
    ]
  } finally {
    await page.close()
    await app.context.setOffline(false)
  }
}
