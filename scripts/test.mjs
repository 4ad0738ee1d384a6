// `npm test`: every check. Type-check of each workspace, lint, the PWA build, then one Vitest run
// of all projects (shared-types, backend in workerd, backend on Node, PWA units, browser tests in
// Debian Chromium against the real Worker). Ends with the plain line `N passed, N failed`.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { run } from './lib/process.mjs'

const checks = [
  ['type-check shared-types', 'npm', ['run', 'typecheck', '-w', '@app/shared-types', '--silent']],
  ['type-check backend', 'npm', ['run', 'typecheck', '-w', '@app/backend', '--silent']],
  ['type-check pwa', 'npm', ['run', 'typecheck', '-w', '@app/pwa', '--silent']],
  ['lint and format', 'npx', ['biome', 'check', '.']],
  ['build the PWA', 'npm', ['run', 'build', '-w', '@app/pwa', '--silent']],
]

let passed = 0
let failed = 0
for (const [name, command, args] of checks) {
  try {
    await run(command, args, { quiet: true })
    console.log(`✓ ${name}`)
    passed += 1
  } catch (error) {
    console.log(`✗ ${name}\n${error.message}`)
    failed += 1
  }
}

const report = path.join(mkdtempSync(path.join(tmpdir(), 'addreams-test-')), 'vitest.json')
const vitestArgs = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${report}`,
]
let vitestFailed = false
await run('npx', [...vitestArgs, ...process.argv.slice(2)]).catch(() => {
  vitestFailed = true
})
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'))
  // A file that fails to import has no failed test, only a failed suite: count it too.
  const broken = r.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed')
  ).length
  passed += r.numPassedTests
  failed += r.numFailedTests + broken
  if (vitestFailed && r.numFailedTests + broken === 0) failed += 1
} else {
  failed += 1
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
