import { spawn } from 'node:child_process'
import { freePort } from './free-port.mjs'
import { backendDir } from './paths.mjs'
import { toolEnv, waitForHttp } from './process.mjs'

/**
 * Starts the Worker under `wrangler dev` (local workerd, local D1 and R2 under `stateDir`) on
 * 127.0.0.1:`port`, serving the API and the built PWA (pwa/dist, or `assetsDir`) from one origin.
 * Resolves once /api/health answers; `stop()` ends the whole process group.
 */
export const startWorker = async ({
  port,
  stateDir,
  assetsDir,
  extraOrigins = [],
  vars = {},
  quiet = false,
}) => {
  const origin = `http://127.0.0.1:${port}`
  const origins = [origin, `http://localhost:${port}`, ...extraOrigins].join(',')
  const allVars = { BETTER_AUTH_URL: origin, TRUSTED_ORIGINS: origins, ...vars }
  const args = [
    'wrangler',
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    // wrangler's default devtools port is one fixed port: a second product on the machine (the
    // tests', the chaos test's, a developer's) would fail to start.
    '--inspector-port',
    String(await freePort()),
    '--persist-to',
    stateDir,
    ...(assetsDir ? ['--assets', assetsDir] : []),
    '--show-interactive-dev-session=false',
    // Exposes /__scheduled, through which the sweeper ticker (scripts/lib/sweeper.mjs) runs the cron.
    '--test-scheduled',
    ...Object.entries(allVars).flatMap(([key, value]) => ['--var', `${key}:${value}`]),
  ]
  const child = spawn('npx', args, {
    cwd: backendDir,
    env: toolEnv(),
    detached: true,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
  })
  let log = ''
  child.stdout?.on('data', (chunk) => {
    log += chunk
  })
  child.stderr?.on('data', (chunk) => {
    log += chunk
  })
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
  return { origin, child, stop, log: () => log }
}
