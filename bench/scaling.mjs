// `npm run bench:scaling`: what one generation costs the platform, measured against the product as
// `npm start` runs it: D1 rows and bytes it adds per table, the D1 round trips of its request, the
// R2 bytes it stores, the provider calls it makes and the queue messages it needs. The figures
// feed docs/scaling.md; they go to the "Cost of one generation" section of bench/RESULTS.md, which
// `npm run bench` keeps.
import { randomUUID } from 'node:crypto'
import { mkdtemp, readdir, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runnerImport } from 'vite'
import { root } from '../scripts/lib/paths.mjs'
import { applySql, grantSql, signUp } from './lib/accounts.mjs'
import { queryRows } from './lib/d1.mjs'
import { d1TripsOf } from './lib/request-log.mjs'
import { writeSection } from './lib/results-sections.mjs'
import { startStack } from './lib/stack.mjs'

const PER_WORKFLOW = 10

/**
 * Every table's rows and payload bytes (each value's length as stored; SQLite's page overhead and
 * the indexes come on top).
 */
const tableSizes = async (stateDir) => {
  const columns = await queryRows(
    stateDir,
    "SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_cf_%' AND m.name != 'd1_migrations'"
  )
  const tables = new Map()
  for (const { t, c } of columns) tables.set(t, [...(tables.get(t) ?? []), c])
  // One wrangler call for every table (each costs seconds on a busy machine), as one row of
  // scalar subqueries: D1 refuses a UNION of this many terms.
  const names = [...tables.keys()]
  const [row] = await queryRows(
    stateDir,
    `SELECT ${names
      .map((name, i) => {
        const bytes = tables
          .get(name)
          .map((c) => `COALESCE(LENGTH(CAST("${c}" AS BLOB)), 0)`)
          .join(' + ')
        return `(SELECT COUNT(*) FROM "${name}") AS n${i}, (SELECT COALESCE(SUM(${bytes}), 0) FROM "${name}") AS b${i}`
      })
      .join(', ')}`
  )
  return Object.fromEntries(
    names.map((name, i) => [name, { rows: row[`n${i}`], bytes: row[`b${i}`] }])
  )
}

/** Total bytes of the files under `dir` (the local R2 bucket's blobs). */
const folderBytes = async (dir) => {
  let total = 0
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }).catch(
    () => []
  )) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size
  }
  return total
}

const create = async (stack, cookie, workflow, photo) => {
  const form = new FormData()
  const fields = workflow === 'ad-graphic' ? { size: '1328*1328' } : {}
  form.set('request', JSON.stringify({ workflow, prompt: 'Bench: a loaf on a board', ...fields }))
  if (photo) form.append('reference', new Blob([photo], { type: 'image/png' }), 'photo.png')
  const res = await fetch(`${stack.origin}/api/generations`, {
    method: 'POST',
    headers: { cookie, origin: stack.origin, 'idempotency-key': randomUUID() },
    body: form,
  })
  if (res.status !== 202)
    throw new Error(`POST /api/generations: ${res.status} ${await res.text()}`)
  const { generation } = await res.json()
  return { id: generation.id, trips: await d1TripsOf(stack.log, res.headers.get('x-request-id')) }
}

const settle = async (stack, cookie, id) => {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    const res = await fetch(`${stack.origin}/api/generations/${id}`, { headers: { cookie } })
    const { status } = await res.json()
    if (['succeeded', 'failed', 'canceled'].includes(status)) return status
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`generation ${id} did not finish`)
}

/** Measures `count` generations of `workflow`: the deltas they made, divided by `count`. */
const measureWorkflow = async (stack, user, workflow, count, photo) => {
  const r2Dir = path.join(stack.stateDir, 'v3', 'r2')
  const before = await tableSizes(stack.stateDir)
  const r2Before = await folderBytes(r2Dir)
  const calls = async () => await (await fetch(`${stack.simulatorUrl}/__sim/counters`)).json()
  const callsBefore = await calls()
  const made = []
  for (let i = 0; i < count; i++) made.push(await create(stack, user.cookie, workflow, photo))
  const statuses = await Promise.all(made.map((m) => settle(stack, user.cookie, m.id)))
  const after = await tableSizes(stack.stateDir)
  const callsAfter = await calls()
  const tables = Object.keys(after)
    .map((name) => ({
      name,
      rows: (after[name].rows - (before[name]?.rows ?? 0)) / count,
      bytes: (after[name].bytes - (before[name]?.bytes ?? 0)) / count,
    }))
    .filter((t) => t.rows !== 0 || Math.round(t.bytes) !== 0)
  const providerCalls = Object.entries(callsAfter.calls)
    .map(([route, n]) => [route, (n - callsBefore.calls[route]) / count])
    .filter(([, n]) => n > 0)
  return {
    workflow,
    count,
    succeeded: statuses.filter((s) => s === 'succeeded').length,
    trips: made.map((m) => m.trips),
    tables,
    r2Bytes: ((await folderBytes(r2Dir)) - r2Before) / count,
    providerCalls,
  }
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`

const render = (results) => {
  const lines = [
    `Generated by \`npm run bench:scaling\` (bench/scaling.mjs) on ${new Date().toISOString()}; ${PER_WORKFLOW} generations of each workflow, one image each, against the product as \`npm start\` runs it (DashScope simulator). Per generation, averaged. D1 bytes are the stored values' lengths; SQLite's pages and the indexes come on top.`,
    '',
    '| per generation | product shoot (one 800 × 800 photo) | ad graphic |',
    '|---|---|---|',
  ]
  const [shoot, ad] = results
  const cell = (r, f) => f(r)
  const row = (label, f) => lines.push(`| ${label} | ${cell(shoot, f)} | ${cell(ad, f)} |`)
  row('succeeded', (r) => `${r.succeeded} of ${r.count}`)
  row('D1 round trips of `POST /api/generations`', (r) => [...new Set(r.trips)].join(' or '))
  const names = [...new Set(results.flatMap((r) => r.tables.map((t) => t.name)))].sort()
  for (const name of names) {
    row(`D1 \`${name}\`: rows, bytes`, (r) => {
      const t = r.tables.find((x) => x.name === name)
      return t ? `${t.rows} ${t.rows === 1 ? 'row' : 'rows'}, ${Math.round(t.bytes)} B` : '—'
    })
  }
  row('D1 total bytes', (r) => `${Math.round(r.tables.reduce((s, t) => s + t.bytes, 0))} B`)
  row('R2 bytes (photos and results)', (r) => kib(r.r2Bytes))
  row('provider calls', (r) => r.providerCalls.map(([route, n]) => `${route} ${n}`).join(', '))
  row('queue messages', () => '1 (more only when the sweeper re-sends after a crash)')
  return lines.join('\n')
}

const assetsDir = await mkdtemp(path.join(tmpdir(), 'addreams-scaling-assets-'))
const stack = await startStack({ assetsDir })
try {
  const user = await signUp(stack.origin, stack.mailboxUrl)
  await applySql(
    stack.stateDir,
    grantSql(user.userId, 'ad-graphic', PER_WORKFLOW),
    grantSql(user.userId, 'product-shoot', PER_WORKFLOW)
  )
  const { module: png } = await runnerImport(path.join(root, 'pwa/e2e/png.ts'))
  const results = [
    await measureWorkflow(stack, user, 'product-shoot', PER_WORKFLOW, png.makePng(800, 800)),
    await measureWorkflow(stack, user, 'ad-graphic', PER_WORKFLOW),
  ]
  const text = render(results)
  await writeSection('Cost of one generation (`npm run bench:scaling`)', text)
  console.log(text)
} finally {
  await stack.stop()
}
