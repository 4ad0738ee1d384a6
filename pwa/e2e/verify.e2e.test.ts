import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, inject, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')

/** `npm run verify -- <origin>` as an operator runs it after a deploy: its lines and exit code. */
const verify = async (origin: string) => {
  try {
    const { stdout } = await promisify(execFile)('node', ['scripts/verify.mjs', origin], {
      cwd: root,
    })
    return { code: 0, lines: stdout.trim().split('\n') }
  } catch (error) {
    const { code, stdout } = error as { code: number; stdout: string }
    return { code, lines: stdout.trim().split('\n') }
  }
}

describe('npm run verify (the post-deploy smoke check)', () => {
  it('should pass every check against the product npm start runs, one line each', async () => {
    const { code, lines } = await verify(inject('baseUrl'))
    expect(lines.filter((line) => line.startsWith('✗'))).toEqual([])
    expect(lines.filter((line) => line.startsWith('✓'))).toHaveLength(11)
    expect(lines.at(-1)).toMatch(/^11 passed, 0 failed/)
    expect(code).toBe(0)
  })

  it('should fail, saying what it saw, against a server that is not the product', async () => {
    const { code, lines } = await verify(inject('simulatorUrl'))
    expect(code).toBe(1)
    expect(lines).toContain('✗ liveness (GET /api/health): answered 404, expected 200')
    expect(lines.at(-1)).toMatch(/^0 passed, 11 failed/)
  })
})
