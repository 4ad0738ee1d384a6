import { spawn } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { callSync, textBody } from './test-support.ts'

const root = path.resolve(import.meta.dirname, '../..')
const LAUNCH =
  "import('vite').then(v => v.runnerImport('./backend/simulator/main.ts')).then(m => m.module.main())"

describe('the CLI entry (main.ts)', () => {
  it('should start through Vite’s runnerImport, answer, and stop on SIGTERM', {
    timeout: 60_000,
  }, async () => {
    const child = spawn(process.execPath, ['-e', LAUNCH, '--', '--port', '0'], { cwd: root })
    const exited = once(child, 'exit')
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string]
      const match = /^DashScope simulator listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(line)
      expect(match).not.toBeNull()
      const url = match?.[1] ?? ''
      expect(Number(match?.[2])).toBeGreaterThan(0)
      const response = await callSync({ url }, textBody('a cat'))
      expect(response.status).toBe(200)
    } finally {
      child.kill('SIGTERM')
    }
    const [code] = await exited
    expect(code).toBe(0)
  })
})
