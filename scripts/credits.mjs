// `npm run credits -- <verb> …`: loads the TypeScript command (backend/cli/credits/main.ts) through
// Vite's module runner, so it shares the Worker's service code and the shared schemas.
import path from 'node:path'
import { runnerImport } from 'vite'
import { root } from './lib/paths.mjs'

process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false'
process.env.WRANGLER_SEND_METRICS = 'false'
const { module } = await runnerImport(path.join(root, 'backend/cli/credits/main.ts'))
process.exit(await module.main(process.argv.slice(2)))
