import { backendDir } from './paths.mjs'
import { run, toolEnv } from './process.mjs'

/** Applies drizzle/ to the local D1 under `stateDir` (wrangler adds `v3` itself). */
export const migrateLocal = (stateDir, { quiet = false } = {}) =>
  run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', stateDir], {
    cwd: backendDir,
    env: toolEnv({ CI: 'true' }),
    quiet,
  })
