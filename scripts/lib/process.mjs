import { spawn } from 'node:child_process'
import { root } from './paths.mjs'

/** The environment every wrangler call runs with: no Request.cf fetch, no telemetry. */
export const toolEnv = (extra = {}) => ({
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  ...extra,
})

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export const run = (command, args, { cwd = root, env = toolEnv(), quiet = false } = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    })
    let output = ''
    child.stdout?.on('data', (chunk) => {
      output += chunk
    })
    child.stderr?.on('data', (chunk) => {
      output += chunk
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0) resolve(output)
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output}`))
    })
  })

/** Polls a URL until it answers 2xx, or fails after `timeoutMs`. */
export const waitForHttp = async (url, { timeoutMs = 60_000, isAlive = () => true } = {}) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`the server for ${url} exited before answering`)
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}
