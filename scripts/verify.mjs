// `npm run verify -- https://your.domain`: the post-deploy smoke check (backend/cli/verify.ts),
// loaded through Vite's module runner so it checks answers with the shared schemas.
import path from 'node:path'
import { runnerImport } from 'vite'
import { root } from './lib/paths.mjs'

const { module } = await runnerImport(path.join(root, 'backend/cli/verify.ts'))
process.exit(await module.main(process.argv.slice(2)))
