import { execFile } from 'node:child_process'
import os from 'node:os'
import { promisify } from 'node:util'
import { chromiumPath } from './browser.mjs'

const run = promisify(execFile)

const firstLine = async (command, args) => {
  try {
    const { stdout } = await run(command, args, { timeout: 30_000 })
    return stdout.trim().split('\n')[0]
  } catch {
    return 'unknown'
  }
}

/** What the figures ran on, for the head of RESULTS.md. */
export const describeMachine = async () => ({
  cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
  cores: os.availableParallelism(),
  load: os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / '),
  busy: os.loadavg()[0] > os.availableParallelism(),
  ramGiB: (os.totalmem() / 2 ** 30).toFixed(1),
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  chromium: await firstLine(chromiumPath, ['--version']),
  wrangler: await firstLine('npx', ['wrangler', '--version']),
})
