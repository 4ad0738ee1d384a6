import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { backendDir } from '../../scripts/lib/paths.mjs'
import { run, toolEnv } from '../../scripts/lib/process.mjs'

const wranglerD1 = (stateDir, args) => [
  'npx',
  ['wrangler', 'd1', 'execute', 'DB', '--local', '--persist-to', stateDir, ...args],
]

/** The rows of one read-only query against the local D1 under `stateDir`, while the Worker runs. */
export const queryRows = async (stateDir, sql) => {
  const [command, args] = wranglerD1(stateDir, ['--json', '--command', sql])
  const { stdout } = await promisify(execFile)(command, args, {
    cwd: backendDir,
    env: toolEnv({ CI: 'true' }),
    maxBuffer: 64 * 1024 * 1024,
  })
  return JSON.parse(stdout)[0].results
}

/** Runs SQL against the local D1 under `stateDir` (the one the bench Worker uses). */
export const executeSql = async (stateDir, sql) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'addreams-bench-sql-'))
  const file = path.join(dir, 'statements.sql')
  try {
    await writeFile(file, sql)
    const [command, args] = wranglerD1(stateDir, ['--file', file, '--yes'])
    return await run(command, args, { cwd: backendDir, env: toolEnv({ CI: 'true' }), quiet: true })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** A SQL string literal. */
export const literal = (text) => `'${String(text).replaceAll("'", "''")}'`
