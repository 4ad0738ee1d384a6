// `npm run bench`: builds the PWA, starts the product like `npm start` does (on a free port with
// throw-away state), runs every measure in bench/measures/ and writes bench/RESULTS.md.
import { existsSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { root } from '../scripts/lib/paths.mjs'
import { run as runCommand } from '../scripts/lib/process.mjs'
import { describeMachine } from './lib/machine.mjs'
import { notMeasured, renderResults, verdict } from './lib/report.mjs'
import { RESULTS_PATH, writeResults } from './lib/results-sections.mjs'
import { startStack } from './lib/stack.mjs'

process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false'
process.env.WRANGLER_SEND_METRICS = 'false'

/**
 * Run order: quiet measures first; the API load last, because every accepted generation keeps the
 * queue and the simulator busy afterwards. Each has a time limit so the whole
 * command stays under 15 minutes on 2 cores.
 */
const MEASURES = [
  ['bundle', 120],
  ['sync', 150],
  ['lighthouse', 150],
  ['cold-start', 150],
  ['history-scale', 150],
  ['enqueue', 90],
  ['outbox-drain', 90],
  ['credits-race', 60],
  ['job-memory', 60],
  ['api', 120],
]

const withinSeconds = (promise, seconds) =>
  Promise.race([
    promise,
    new Promise((_, reject) =>
      setTimeout(
        () => reject(new Error(`did not finish within ${seconds} s`)),
        seconds * 1000
      ).unref()
    ),
  ])

const sectionOf = async (name, seconds, ctx) => {
  const started = performance.now()
  const measure = await import(`./measures/${name}.mjs`)
  process.stdout.write(`• ${measure.title} … `)
  try {
    const figures = await withinSeconds(measure.run(ctx), seconds)
    console.log(`${((performance.now() - started) / 1000).toFixed(0)} s`)
    return { title: measure.title, about: measure.about, figures }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    console.log(`failed: ${reason}`)
    // The rest (a tool's own output, e.g. wrangler's) says why; RESULTS.md keeps the first line.
    const detail = error instanceof Error ? error.message.split('\n').slice(1).join('\n') : ''
    if (detail.trim()) console.error(detail.trim().split('\n').slice(-20).join('\n'))
    return {
      title: measure.title,
      about: measure.about,
      figures: [notMeasured('(whole measure)', `the run failed: ${reason}`)],
    }
  }
}

/** `BENCH_ONLY=sync,api npm run bench` runs a subset (for working on one measure). */
const only = process.env.BENCH_ONLY?.split(',')

const buildDir = await mkdtemp(path.join(tmpdir(), 'addreams-bench-dist-'))

/**
 * Builds the PWA as `npm start` does, into a folder of its own. When the tree does not build (other
 * work in progress), measures the last pwa/dist if there is one and says so in RESULTS.md.
 */
const buildPwa = async () => {
  try {
    await runCommand('npx', ['vite', 'build', '--outDir', buildDir, '--emptyOutDir'], {
      cwd: path.join(root, 'pwa'),
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      quiet: true,
    })
    return { assetsDir: buildDir, build: 'built by this run' }
  } catch (error) {
    const reason = (
      error.message
        .split('\n')
        .find((l) => /could not|missing export|is not exported|\berror:/i.test(l)) ??
      error.message.split('\n')[0]
    ).trim()
    const previous = path.join(root, 'pwa/dist/index.html')
    if (!existsSync(previous)) {
      return {
        assetsDir: buildDir,
        build: `THE BUILD FAILED (${reason.slice(0, 200)}); nothing to serve`,
      }
    }
    return {
      assetsDir: path.join(root, 'pwa/dist'),
      build: `THE BUILD FAILED (${reason.slice(0, 200)}); measured the previous pwa/dist from ${statSync(previous).mtime.toISOString()}`,
    }
  }
}

const startedAt = new Date()
const t0 = performance.now()
const machine = await describeMachine()
console.log('Building the PWA…')
const { assetsDir, build } = await buildPwa()
console.log(`PWA: ${build}\nStarting the product (local workerd, D1, R2, DashScope simulator)…`)
const stack = await startStack({ assetsDir })
const ctx = { ...stack, cleanups: [] }
const sections = []
try {
  for (const [name, seconds] of MEASURES.filter(([n]) => !only || only.includes(n))) {
    sections.push(await sectionOf(name, seconds, ctx))
  }
} finally {
  for (const cleanup of ctx.cleanups) await cleanup().catch(() => undefined)
  await stack.stop()
  await rm(buildDir, { recursive: true, force: true })
}
sections.sort((a, b) => Number.parseInt(a.title, 10) - Number.parseInt(b.title, 10))
const markdown = renderResults({
  machine,
  build,
  sections,
  startedAt,
  durationMs: performance.now() - t0,
})
const out = RESULTS_PATH
await writeResults(markdown)
const figures = sections.flatMap((s) => s.figures)
const over = figures.filter((f) => verdict(f) === 'OVER')
console.log(
  `\nWrote ${path.relative(process.cwd(), out)}: ${figures.length} figures, ${over.length} over budget, ${figures.filter((f) => f.notMeasured).length} not measured.`
)
for (const f of over) console.log(`  over budget: ${f.name}`)
process.exit(0)
