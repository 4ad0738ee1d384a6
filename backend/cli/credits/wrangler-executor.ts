// The deployed D1, reached through `wrangler d1 execute --remote`, which takes SQL text only.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { RemoteExecutor, RemoteRow } from '../../src/db/remote-d1.ts'
import { messageOf } from './command.ts'

const wranglerD1 = (backendDir: string, args: string[]) => {
  try {
    return execFileSync('npx', ['wrangler', 'd1', 'execute', 'DB', '--remote', ...args], {
      cwd: backendDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
    })
  } catch (error) {
    // D1's own words (a UNIQUE or CHECK failure) are in wrangler's output; the callers match them.
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    const output = `${stderr}${stdout}`.trim()
    throw new Error(`wrangler d1 execute failed: ${output || messageOf(error)}`)
  }
}

/**
 * Reads go as one `--json --command` (D1 answers each statement's rows); writes go as a `--file`,
 * which D1 imports whole or not at all, like a batch.
 */
export const wranglerExecutor = (backendDir: string): RemoteExecutor => ({
  read: async (statements) => {
    const answers = JSON.parse(
      wranglerD1(backendDir, ['--json', '--command', statements.join(';\n')])
    ) as { results: RemoteRow[] }[]
    return answers.map((answer) => answer.results)
  },
  write: async (statements) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'addreams-credits-')), 'change.sql')
    writeFileSync(file, statements.map((statement) => `${statement};`).join('\n'))
    wranglerD1(backendDir, ['--file', file, '--yes'])
  },
})
