import { LARGE, pull, pullAll, SMALL, seededAccounts } from '../lib/fixtures.mjs'
import { figure } from '../lib/report.mjs'
import { median } from '../lib/stats.mjs'

const ROUNDS = 40

export const title = '5. Sync'
export const about =
  `Server side, over HTTP against local workerd + D1. A new device pulls all ${LARGE.toLocaleString('en')} ` +
  `generations page by page as the app does (100 first, then 1,000 a page); then a no-change pull (cursor at the head) is timed ${ROUNDS} times for ` +
  `a ${SMALL}-item and a ${LARGE.toLocaleString('en')}-item history, interleaved, median reported.`

export const run = async (ctx) => {
  const { small, large } = await seededAccounts(ctx)
  const full = await pullAll(ctx.origin, large.cookie)
  const smallHead = (await pullAll(ctx.origin, small.cookie)).cursor
  const times = { small: [], large: [] }
  const bodies = {}
  for (let i = 0; i < ROUNDS; i++) {
    for (const [key, account, cursor] of [
      ['small', small, smallHead],
      ['large', large, full.cursor],
    ]) {
      const { ms, text, page } = await pull(ctx.origin, account.cookie, cursor)
      if (page.changes.length !== 0) throw new Error('a no-change pull returned changes')
      times[key].push(ms)
      bodies[key] = text
    }
  }
  const smallMs = median(times.small)
  const largeMs = median(times.large)
  const smallBytes = Buffer.byteLength(bodies.small)
  const largeBytes = Buffer.byteLength(bodies.large)
  const withoutCursor = (text) => text.replace(/"cursor":\d+/, '"cursor":0')
  return [
    figure({
      name: `Initial full sync of ${LARGE.toLocaleString('en')} generations`,
      value: full.items / (full.ms / 1000),
      unit: 'items/s',
      note: `${full.items} items in ${full.pages} pages, ${(full.ms / 1000).toFixed(1)} s, ${(full.bytes / 2 ** 20).toFixed(1)} MiB`,
    }),
    figure({
      name: 'First page of that sync',
      value: full.firstPageMs,
      unit: 'ms',
      note: '100 changes, what a new device draws first',
    }),
    figure({ name: `No-change pull, ${SMALL} items (median)`, value: smallMs, unit: 'ms' }),
    figure({
      name: `No-change pull, ${LARGE.toLocaleString('en')} items (median)`,
      value: largeMs,
      unit: 'ms',
    }),
    figure({
      name: `No-change pull time ratio ${LARGE.toLocaleString('en')} / ${SMALL}`,
      value: largeMs / smallMs,
      unit: '×',
      budget: { op: '<=', limit: 1.5 },
    }),
    figure({
      name: 'No-change pull body bytes, 10 vs 10,000 items',
      value: `${smallBytes} vs ${largeBytes}`,
      note: 'response body; differs only by the digits of the cursor value',
    }),
    figure({
      name: 'No-change pull bytes equal (cursor value aside)',
      value: withoutCursor(bodies.small) === withoutCursor(bodies.large),
      budget: { op: '==', limit: true },
      note: `${largeBytes - smallBytes} bytes apart: "cursor":${smallHead} vs "cursor":${full.cursor}`,
    }),
  ]
}
