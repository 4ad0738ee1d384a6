import { applySql, grantSql, signUp } from '../lib/accounts.mjs'
import { LARGE, pullAll, seededAccounts } from '../lib/fixtures.mjs'
import { generationRequest } from '../lib/generate.mjs'
import { runLoad, statusText, summarize } from '../lib/load.mjs'
import { figure } from '../lib/report.mjs'

const SLICE_MS = 1000
const ROUNDS = 4
const CONNECTIONS = [1, 10]

export const title = '7. API on local workerd'
export const about =
  "Closed-loop load from Node's fetch (keep-alive) against `wrangler dev` on this machine; the " +
  `load generator shares the 2 cores. Endpoints take turns in ${SLICE_MS / 1000} s slices, ` +
  `${ROUNDS} rounds per concurrency, so background load falls on baseline and endpoint alike. Reads are by the ${LARGE.toLocaleString('en')}-generation account: ` +
  'the list is its first page (20, newest first), the sync is the pull the app makes when nothing ' +
  'changed (cursor at the head). POST is an ad-graphic request with a fresh Idempotency-Key ' +
  '(credits granted, per-minute limit lifted for the bench); each accepted one also runs through ' +
  'the queue and the DashScope simulator in the background.'

const line = (name, result, budget, note = '') =>
  figure({
    name,
    value: result.rps,
    unit: 'req/s',
    budget,
    note: `p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms; ${statusText(result.statuses)}${result.failures ? `; ${result.failures} network failures` : ''}${note ? `; ${note}` : ''}`,
  })

export const run = async (ctx) => {
  const { large } = await seededAccounts(ctx)
  const head = (await pullAll(ctx.origin, large.cookie)).cursor
  const writer = await signUp(ctx.origin, ctx.mailboxUrl)
  await applySql(ctx.stateDir, grantSql(writer.userId, 'ad-graphic', 1_000_000))
  const get = (path, cookie) => () => [
    `${ctx.origin}${path}`,
    cookie ? { headers: { cookie } } : {},
  ]
  const endpoints = [
    ['GET /api/health', get('/api/health')],
    ['GET /api/generations', get('/api/generations', large.cookie)],
    ['GET /api/sync', get(`/api/sync?cursor=${head}`, large.cookie)],
    ['GET /api/me', get('/api/me', large.cookie)],
  ]
  const post = () => generationRequest(ctx.origin, writer.cookie)
  await runLoad({ request: endpoints[0][1], connections: 2, durationMs: SLICE_MS })
  const figures = []
  for (const connections of CONNECTIONS) {
    const samples = Object.fromEntries([...endpoints.map(([name]) => [name, []]), ['POST', []]])
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, request] of [...endpoints, ['POST', post]]) {
        samples[name].push(await runLoad({ request, connections, durationMs: SLICE_MS }))
      }
    }
    const results = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)]))
    const health = results['GET /api/health']
    figures.push(line(`GET /api/health, ${connections} conn. (baseline)`, health))
    figures.push(
      line(
        `GET /api/me, ${connections} conn. (signed-in baseline)`,
        results['GET /api/me'],
        undefined,
        `${(results['GET /api/me'].rps / health.rps).toFixed(2)} × health: the cost of the session check alone`
      )
    )
    for (const name of ['GET /api/generations', 'GET /api/sync']) {
      figures.push(line(`${name}, ${connections} conn.`, results[name]))
      figures.push(
        figure({
          name: `${name} throughput / health, ${connections} conn.`,
          value: results[name].rps / health.rps,
          unit: '×',
          budget: { op: '>=', limit: 0.5 },
        })
      )
    }
    figures.push(
      line(
        `POST /api/generations (202), ${connections} conn.`,
        results.POST,
        undefined,
        `${(results.POST.rps / health.rps).toFixed(2)} × health`
      )
    )
  }
  return figures
}
