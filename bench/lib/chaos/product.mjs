import { spawn } from 'node:child_process'
import path from 'node:path'
import { root } from '../../../scripts/lib/paths.mjs'
import { toolEnv, waitForHttp } from '../../../scripts/lib/process.mjs'
import { killTree } from './process-tree.mjs'

/**
 * Starts the product exactly as `npm start` does (scripts/start.mjs, sweeper ticker included) on
 * `port` and the state under `stateDir`, using the simulator at `simulatorUrl` and the mailbox at
 * `mailboxUrl`, which live outside it as DashScope and Resend do. `crash()` SIGKILLs every process of it; `stop()` ends it politely.
 */
export const startProduct = async ({
  port,
  stateDir,
  simulatorUrl,
  mailboxUrl,
  vars,
  build = false,
}) => {
  const origin = `http://127.0.0.1:${port}`
  const args = [
    path.join(root, 'scripts/start.mjs'),
    ...(build ? [] : ['--no-build']),
    `--simulator-url=${simulatorUrl}`,
    `--mailbox-url=${mailboxUrl}`,
    ...Object.entries(vars).flatMap(([key, value]) => ['--var', `${key}:${value}`]),
  ]
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: toolEnv({ PORT: String(port), ADDREAMS_STATE_DIR: stateDir }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const keep = (chunk) => {
    log = (log + chunk).slice(-50_000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  let exited = false
  child.on('exit', () => {
    exited = true
  })
  try {
    await waitForHttp(`${origin}/api/health`, { timeoutMs: 180_000, isAlive: () => !exited })
  } catch (error) {
    await killTree(child.pid, 'SIGKILL')
    throw new Error(`${error.message}\n${log}`)
  }
  return {
    origin,
    log: () => log,
    crash: () => killTree(child.pid, 'SIGKILL'),
    stop: () => killTree(child.pid, 'SIGTERM'),
  }
}
