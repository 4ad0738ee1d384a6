// The deployed D1, reached through `wrangler d1 execute --remote`, which takes SQL text only.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { RemoteExecutor, RemoteRow } from '../../src/db/remote-d1.ts'
import { messageOf } from './command.ts'

/** Runs `wrangler d1 execute DB --remote <args>` and answers its stdout; throws on failure. */
export type WranglerD1 = (args: string[]) => string

/** The real one, run from the backend folder so it reads its wrangler.jsonc. */
export const wranglerD1 =
  (backendDir: string): WranglerD1 =>
  (args) => {
    try {
      return execFileSync('npx', ['wrangler', 'd1', 'execute', 'DB', '--remote', ...args], {
        cwd: backendDir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          CLOUDFLARE_CF_FETCH_ENABLED: 'false',
          WRANGLER_SEND_METRICS: 'false',
        },
      })
    } catch (error) {
      // D1's own words (a UNIQUE or CHECK failure) are in wrangler's output; the services match them.
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
      const output = `${stderr}${stdout}`.trim()
      throw new Error(`wrangler d1 execute failed: ${output || messageOf(error)}`)
    }
  }

/**
 * Reads go as one `--json --command` (D1 answers each statement's rows); writes go as a `--file`,
 * which D1 imports whole or not at all, like a batch.
 */
export const wranglerExecutor = (run: WranglerD1): RemoteExecutor => ({
  read: async (statements) => {
    const answers = JSON.parse(run(['--json', '--command', statements.join(';\n')])) as {
      results: RemoteRow[]
    }[]
    if (answers.length !== statements.length)
      throw new Error(
        `wrangler answered ${answers.length} results for ${statements.length} statements`
      )
    return answers.map((answer) => answer.results)
  },
  write: async (statements) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'addreams-credits-')), 'change.sql')
    writeFileSync(file, statements.map((statement) => `${statement};`).join('\n'))
    run(['--file', file, '--yes'])
  },
})
