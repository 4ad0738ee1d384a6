import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { CHROMIUM_ARGS, chromiumPath } from '../lib/browser.mjs'
import { figure } from '../lib/report.mjs'

const CATEGORIES = [
  ['performance', 'Performance', 95],
  ['accessibility', 'Accessibility', 100],
  ['best-practices', 'Best practices', 100],
]

export const title = '9. Lighthouse'
export const about =
  'Lighthouse 12.8.2 (npm package, default mobile settings: Moto G Power emulation, simulated slow 4G ' +
  'and 4× CPU) in Debian Chromium, headless, on the built app served by the Worker, first visit to `/`, ' +
  'three runs; the figures are those of the run with the median performance score.'

/** Audits of a category that did not get full marks, for the note. */
const failing = (lhr, category) =>
  lhr.categories[category].auditRefs
    .map((ref) => lhr.audits[ref.id])
    .filter(
      (audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative'
    )
    .map((audit) => `${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`)

const RUNS = 3

/** One Lighthouse run of `/` in a fresh headless Chromium. */
const audit = async (origin) => {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  })
  try {
    const result = await lighthouse(`${origin}/`, {
      port: chrome.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: CATEGORIES.map(([id]) => id),
    })
    return result.lhr
  } finally {
    chrome.kill()
  }
}

export const run = async ({ origin }) => {
  const reports = []
  for (let i = 0; i < RUNS; i++) reports.push(await audit(origin))
  const score = (lhr) => lhr.categories.performance.score
  const lhr = [...reports].sort((a, b) => score(a) - score(b))[Math.floor(RUNS / 2)]
  const audits = lhr.audits
  return [
    ...CATEGORIES.map(([id, name, limit]) => {
      const misses = failing(lhr, id)
      const all = reports.map((r) => Math.round(r.categories[id].score * 100)).join(', ')
      return figure({
        name: `${name} score (median of ${RUNS})`,
        value: Math.round(lhr.categories[id].score * 100),
        budget: { op: '>=', limit },
        note: `runs: ${all}${misses.length ? `; below full marks: ${misses.slice(0, 8).join(', ')}` : ''}`,
      })
    }),
    figure({
      name: 'First / Largest Contentful Paint (simulated, median run)',
      value: `${audits['first-contentful-paint'].displayValue} / ${audits['largest-contentful-paint'].displayValue}`,
      note: `TBT ${audits['total-blocking-time'].displayValue}, CLS ${audits['cumulative-layout-shift'].displayValue}`,
    }),
  ]
}
