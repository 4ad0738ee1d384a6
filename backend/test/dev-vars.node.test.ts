import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ensureDevVars, parseDevVars } from '../../scripts/lib/dev-vars.mjs'

describe('reading backend/.dev.vars as wrangler does', () => {
  it('should unquote values, drop comments, and count empty ones as unset', () => {
    const vars = parseDevVars(
      [
        '# Leave empty to use the local DashScope simulator.',
        'QWEN_API_KEY=""',
        'BETTER_AUTH_SECRET="a secret with spaces"',
        "GOOGLE_CLIENT_ID='id-123'",
        'GITHUB_CLIENT_ID=',
        'PLAIN=value # a comment',
      ].join('\n')
    )
    expect(vars).toEqual({
      BETTER_AUTH_SECRET: 'a secret with spaces',
      GOOGLE_CLIENT_ID: 'id-123',
      PLAIN: 'value',
    })
  })
})

describe('making sure a run has an auth secret', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'addreams-dev-vars-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('should generate one into a fresh clone’s .dev.vars, keeping the other settings', async () => {
    const file = path.join(dir, '.dev.vars')
    await writeFile(file, 'QWEN_API_KEY=\n')
    ensureDevVars({ file })
    const vars = parseDevVars(await readFile(file, 'utf8'))
    expect(vars.BETTER_AUTH_SECRET?.length).toBeGreaterThanOrEqual(32)
    expect(await readFile(file, 'utf8')).toContain('QWEN_API_KEY=')
  })

  /** A test run's npm start (the chaos test's) must not write into a developer's files. */
  it('should leave .dev.vars alone when the run is given a secret', () => {
    const file = path.join(dir, '.dev.vars')
    ensureDevVars({ file, given: { BETTER_AUTH_SECRET: 'x'.repeat(40) } })
    expect(existsSync(file)).toBe(false)
  })
})
