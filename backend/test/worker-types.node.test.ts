import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { toolEnv } from '../../scripts/lib/process.mjs'

const backendDir = path.resolve(import.meta.dirname, '..')

/**
 * The file without what depends on where it is written: the header (its command and hash) and the
 * relative path of the Worker's entry module.
 */
const body = (text: string) =>
  text
    .split('\n')
    .slice(2)
    .join('\n')
    .replace(/import\("[^"]*\/src\/index"\)/, 'import("src/index")')

// `wrangler types --check` ignores --env-file and reads the developer's own .dev.vars instead, so
// the check regenerates the file elsewhere with the same command and compares.
describe('backend/worker-configuration.d.ts', () => {
  it('should be what `npm run types -w @app/backend` generates now', {
    timeout: 120_000,
  }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'addreams-types-'))
    try {
      const fresh = path.join(dir, 'worker-configuration.d.ts')
      await promisify(execFile)(
        'npx',
        ['wrangler', 'types', fresh, '--strict-vars=false', '--env-file', '../.dev.vars.example'],
        { cwd: backendDir, env: toolEnv() }
      )
      const committed = await readFile(path.join(backendDir, 'worker-configuration.d.ts'), 'utf8')
      const generated = await readFile(fresh, 'utf8')
      expect(body(committed) === body(generated), 'run npm run types -w @app/backend').toBe(true)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
