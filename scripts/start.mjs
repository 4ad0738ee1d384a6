// `npm start`: the whole product on one machine. Builds the PWA, applies the D1 migrations to the
// local state, and serves API and PWA from one Worker on http://127.0.0.1:$PORT (default 8787).
// Without a QWEN_API_KEY it also runs the DashScope simulator ($SIMULATOR_PORT, default 8790).
import { ensureDevVars } from './lib/dev-vars.mjs'
import { migrateLocal } from './lib/migrations.mjs'
import { defaultStateDir } from './lib/paths.mjs'
import { run } from './lib/process.mjs'
import { hasRealKey, startLocalSimulator } from './lib/simulator.mjs'
import { startWorker } from './lib/worker.mjs'

const port = Number(process.env.PORT ?? 8787)
const stateDir = process.env.ADDREAMS_STATE_DIR ?? defaultStateDir
const skipBuild = process.argv.includes('--no-build')

ensureDevVars()
if (!skipBuild) {
  console.log('Building the PWA…')
  await run('npm', ['run', 'build', '-w', '@app/pwa', '--silent'])
}
console.log('Applying D1 migrations to the local database…')
await migrateLocal(stateDir, { quiet: true })
let vars = {}
if (!hasRealKey()) {
  const local = await startLocalSimulator(Number(process.env.SIMULATOR_PORT ?? 8790))
  vars = local.vars
  console.log(
    `No QWEN_API_KEY: images come from the local DashScope simulator at ${local.simulator.url}`
  )
}
console.log('Starting the Worker (local workerd, D1 and R2)…')
const worker = await startWorker({ port, stateDir, vars })

console.log(`\nAddreams is running at ${worker.origin}  (Ctrl+C stops it)\n`)

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    worker.stop()
    process.exit(0)
  })
}
worker.child.on('exit', (code) => process.exit(code ?? 1))
