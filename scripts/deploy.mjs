// `npm run deploy`: builds the PWA, applies the D1 migrations remotely, then deploys the Worker
// with the PWA as its static assets. PUBLIC_URL is the deployed origin (e.g. https://addreams.example.com).
// `--dry-run` bundles everything without contacting Cloudflare (CI runs it to catch a broken config).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { backendDir } from './lib/paths.mjs'
import { run } from './lib/process.mjs'

const dryRun = process.argv.includes('--dry-run')
const publicUrl = process.env.PUBLIC_URL ?? (dryRun ? 'https://addreams.example.com' : undefined)
if (!publicUrl || !/^https:\/\/[^/]+$/.test(publicUrl)) {
  console.error(
    'Set PUBLIC_URL to the https origin the app is served from, without a trailing slash.'
  )
  process.exit(1)
}

if (!process.argv.includes('--no-build'))
  await run('npm', ['run', 'build', '-w', '@app/pwa', '--silent'])
if (!dryRun) {
  await run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--remote'], { cwd: backendDir })
}
const origin = new URL(publicUrl).origin
await run(
  'npx',
  [
    'wrangler',
    'deploy',
    '--var',
    `BETTER_AUTH_URL:${origin}`,
    '--var',
    `TRUSTED_ORIGINS:${origin}`,
    ...(dryRun
      ? ['--dry-run', '--outdir', mkdtempSync(path.join(tmpdir(), 'addreams-deploy-'))]
      : []),
  ],
  { cwd: backendDir }
)
