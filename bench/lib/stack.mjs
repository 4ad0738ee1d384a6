import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from '../../scripts/lib/free-port.mjs'
import { migrateLocal } from '../../scripts/lib/migrations.mjs'
import { backendDir } from '../../scripts/lib/paths.mjs'
import { toolEnv, waitForHttp } from '../../scripts/lib/process.mjs'
import { startLocalSimulator } from '../../scripts/lib/simulator.mjs'

/**
 * `wrangler dev` as scripts/lib/worker.mjs starts it, but serving the PWA from `assetsDir`: the
 * bench builds into its own folder so it never empties pwa/dist under someone else's run.
 */
const startWorker = async ({ port, stateDir, assetsDir, vars }) => {
  const origin = `http://127.0.0.1:${port}`
  const allVars = {
    BETTER_AUTH_URL: origin,
    TRUSTED_ORIGINS: `${origin},http://localhost:${port}`,
    ...vars,
  }
  const args = [
    'wrangler',
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--persist-to',
    stateDir,
    '--assets',
    assetsDir,
    '--show-interactive-dev-session=false',
    ...Object.entries(allVars).flatMap(([key, value]) => ['--var', `${key}:${value}`]),
  ]
  const child = spawn('npx', args, {
    cwd: backendDir,
    env: toolEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const keep = (chunk) => {
    log = (log + chunk).slice(-20_000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  let exited = false
  child.on('exit', () => {
    exited = true
  })
  const stop = () => {
    if (exited) return
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  try {
    await waitForHttp(`${origin}/api/health`, { timeoutMs: 90_000, isAlive: () => !exited })
  } catch (error) {
    stop()
    throw new Error(`${error.message}\n${log}`)
  }
  return { origin, stop }
}

/**
 * The product as `npm start` runs it (built PWA, migrated local D1, real workerd, the DashScope
 * simulator) on a free port with its own throw-away state. The per-user generation rate limit is
 * lifted so the API and race measures hit the credit check, not the limiter.
 */
export const startStack = async ({ assetsDir }) => {
  const stateDir = await mkdtemp(path.join(tmpdir(), 'addreams-bench-'))
  await migrateLocal(stateDir, { quiet: true })
  const local = await startLocalSimulator(0)
  const worker = await startWorker({
    port: await freePort(),
    stateDir,
    assetsDir,
    vars: {
      BETTER_AUTH_SECRET: 'bench-only-secret-0123456789abcdef-0123456789',
      GENERATIONS_PER_MINUTE: '1000000',
      ...local.vars,
    },
  })
  return {
    origin: worker.origin,
    stateDir,
    distDir: assetsDir,
    simulatorUrl: local.simulator.url,
    stop: async () => {
      worker.stop()
      await local.simulator.close()
      await rm(stateDir, { recursive: true, force: true })
    },
  }
}
