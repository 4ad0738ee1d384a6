import { grantSql } from '../lib/accounts.mjs'
import { openSignedInApp } from '../lib/app.mjs'
import { figure } from '../lib/report.mjs'
import { quantile } from '../lib/stats.mjs'

const TAPS = 20

export const title = '4. Enqueue'
export const about =
  `The Ad Graphic studio, offline, no CPU throttling: for each of ${TAPS} requests the studio is ` +
  'opened afresh, the prompt typed and the steps walked with Playwright (not timed); then, in the ' +
  'page, the "Queue" button is clicked and the time runs to the first animation frame in which ' +
  'the result shows the request\'s state ("Waiting to send").'

/** In the page: clicks the Queue button and resolves with ms until the queued card is drawn. */
const tapQueue = () => {
  const find = (root, match) => {
    for (const el of root.querySelectorAll('*')) {
      if (match(el)) return el
      const inner = el.shadowRoot && find(el.shadowRoot, match)
      if (inner) return inner
    }
    return undefined
  }
  const button = find(
    document,
    (el) => el.localName === 'button' && el.textContent.trim().startsWith('Queue')
  )
  if (!button) throw new Error('no Queue button')
  if (find(document, (el) => el.localName === 'studio-result'))
    throw new Error('a result is already shown')
  return new Promise((resolve) => {
    const t0 = performance.now()
    button.click()
    const tick = () => {
      const result = find(document, (el) => el.localName === 'studio-result')
      const state = result?.shadowRoot?.querySelector('[role="status"] .state')
      if (state?.textContent.trim())
        resolve({ ms: performance.now() - t0, state: state.textContent.trim() })
      else requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
}

export const run = async (ctx) => {
  const app = await openSignedInApp(ctx, {
    sql: (userId) => grantSql(userId, 'ad-graphic', TAPS + 5),
  })
  try {
    const { context, page } = app
    const errors = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${ctx.origin}/studio/ad-graphic`)
    try {
      await page.getByRole('textbox', { name: 'Ad prompt' }).waitFor({ timeout: 30_000 })
    } catch {
      throw new Error(
        `the Ad Graphic studio did not show its "Ad prompt" field${errors.length ? ` (page error: ${errors[0]})` : ''}`
      )
    }
    await context.setOffline(true)
    const times = []
    const states = new Set()
    for (let i = 0; i < TAPS; i++) {
      await page.goto(`${ctx.origin}/studio/ad-graphic`)
      await page
        .getByRole('textbox', { name: 'Ad prompt' })
        .fill(`Enqueue ${i}: a bold sale banner for fresh sourdough`)
      await page.getByRole('button', { name: 'Next' }).click()
      await page.getByRole('button', { name: 'Next' }).click()
      await page.getByRole('button', { name: /^Queue/ }).waitFor({ timeout: 15_000 })
      const { ms, state } = await page.evaluate(tapQueue)
      times.push(ms)
      states.add(state)
    }
    return [
      figure({
        name: `Tap Queue → queued card visible (p95 of ${TAPS})`,
        value: quantile(times, 0.95),
        unit: 'ms',
        budget: { op: '<=', limit: 100 },
        note: `p50 ${quantile(times, 0.5).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms; card said: ${[...states].join(' / ')}`,
      }),
    ]
  } finally {
    await app.context.setOffline(false).catch(() => undefined)
    await app.close()
  }
}
