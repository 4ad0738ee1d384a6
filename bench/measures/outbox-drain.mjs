import { randomUUID } from 'node:crypto'
import { grantSql } from '../lib/accounts.mjs'
import { idbCount, openSignedInApp, pollUntil } from '../lib/app.mjs'
import { figure } from '../lib/report.mjs'

const QUEUED = 50
const GRANT = 60

export const title = '6. Outbox drain'
export const about =
  `A signed-in app goes offline; ${QUEUED} ad-graphic requests are put in its outbox (written ` +
  "straight into IndexedDB in the app's OutboxEntry shape, as the studio would queue them); the " +
  'network comes back and the app drains the outbox on the `online` event. Time = network on → ' +
  `outbox empty and all ${QUEUED} accepted on the server. Credits granted for the run; the ` +
  'per-minute limit is lifted for the bench (with the default 10/min the drain would be paced by it).'

/** Writes `entries` into the app's outbox store with raw IndexedDB. */
const queue = (page, entries) =>
  page.evaluate(
    (rows) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('addreams')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const tx = db.transaction('outbox', 'readwrite')
          for (const row of rows) tx.objectStore('outbox').put(row)
          tx.oncomplete = () => {
            db.close()
            resolve(undefined)
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    entries
  )

export const run = async (ctx) => {
  const app = await openSignedInApp(ctx, { sql: (userId) => grantSql(userId, 'ad-graphic', GRANT) })
  try {
    const { context, page } = app
    const api = async (path) => (await context.request.get(`${ctx.origin}${path}`)).json()
    const before = (await api('/api/me')).balances['ad-graphic']
    await context.setOffline(true)
    const now = Date.now()
    const entries = Array.from({ length: QUEUED }, (_, i) => ({
      id: randomUUID(),
      op: 'generate',
      workflow: 'ad-graphic',
      request: {
        workflow: 'ad-graphic',
        prompt: `Drain ${i}: croissants on marble`,
        size: '1328*1328',
      },
      references: [],
      createdAt: new Date(now + i).toISOString(),
      attempts: 0,
      nextAttemptAt: 0,
      state: 'waiting',
      schemaVersion: 1,
    }))
    await queue(page, entries)
    if ((await idbCount(page, 'outbox')) !== QUEUED)
      throw new Error('the outbox did not take the entries')
    const t0 = performance.now()
    await context.setOffline(false)
    await pollUntil(
      () => idbCount(page, 'outbox'),
      (n) => n === 0,
      {
        everyMs: 50,
        timeoutMs: 60_000,
        what: 'outbox entries left',
      }
    )
    const drainMs = performance.now() - t0
    const listed = []
    let cursor
    do {
      const page = await api(
        `/api/generations?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
      )
      listed.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    const ids = new Set(entries.map((e) => e.id))
    const accepted = listed.filter((g) => ids.has(g.id)).length
    const duplicates = listed.length - new Set(listed.map((g) => g.params.prompt)).size
    const spent = before - (await api('/api/me')).balances['ad-graphic']
    return [
      figure({
        name: `Drain ${QUEUED} queued generations (network on → outbox empty)`,
        value: drainMs,
        unit: 'ms',
        note: `${(drainMs / QUEUED).toFixed(0)} ms each; sent one after another`,
      }),
      figure({
        name: 'Accepted on the server',
        value: accepted,
        budget: { op: '==', limit: QUEUED },
        note: `${listed.length} generations on the account`,
      }),
      figure({
        name: 'Duplicates (same request twice on the server)',
        value: duplicates,
        budget: { op: '==', limit: 0 },
        note: `credits spent: ${spent} for ${QUEUED} requests`,
      }),
    ]
  } finally {
    await app.close()
  }
}
