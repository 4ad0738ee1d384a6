// `npm run db:migrate`: applies drizzle/ to the local D1 (`-- --remote` for the deployed one).
import { migrateLocal } from './lib/migrations.mjs'
import { backendDir, defaultStateDir } from './lib/paths.mjs'
import { run } from './lib/process.mjs'

if (process.argv.includes('--remote')) {
  await run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--remote'], { cwd: backendDir })
} else {
  await migrateLocal(process.env.ADDREAMS_STATE_DIR ?? defaultStateDir)
}
