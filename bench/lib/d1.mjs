import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { backendDir } from '../../scripts/lib/paths.mjs'
import { run, toolEnv } from '../../scripts/lib/process.mjs'

/** Runs SQL against the local D1 under `stateDir` (the one the bench Worker uses). */
export const executeSql = async (stateDir, sql) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'addreams-bench-sql-'))
  const file = path.join(dir, 'statements.sql')
  try {
    await writeFile(file, sql)
    return await run(
      'npx',
      [
        'wrangler',
        'd1',
        'execute',
        'DB',
        '--local',
        '--persist-to',
        stateDir,
        '--file',
        file,
        '--yes',
      ],
      { cwd: backendDir, env: toolEnv({ CI: 'true' }), quiet: true }
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** A SQL string literal. */
export const literal = (text) => `'${String(text).replaceAll("'", "''")}'`
