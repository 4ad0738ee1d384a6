import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')

describe('npm run deploy -- --dry-run', () => {
  it('should bundle the Worker with the PWA as its assets', { timeout: 120_000 }, async () => {
    expect(existsSync(path.join(root, 'pwa/dist/index.html')), 'build the PWA first').toBe(true)
    const { stdout, stderr } = await promisify(execFile)(
      'node',
      ['scripts/deploy.mjs', '--dry-run', '--no-build'],
      {
        cwd: root,
        env: {
          ...process.env,
          CLOUDFLARE_CF_FETCH_ENABLED: 'false',
          WRANGLER_SEND_METRICS: 'false',
        },
      }
    )
    const output = stdout + stderr
    expect(output).toMatch(/--dry-run: exiting now/)
    expect(output).toMatch(/env\.DB/)
    expect(output).toMatch(/env\.BUCKET/)
  })
})
