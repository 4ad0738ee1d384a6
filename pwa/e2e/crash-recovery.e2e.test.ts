import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runChaos } from '../../bench/chaos.mjs'
import { devVarsPath } from '../../scripts/lib/paths.mjs'

/** backend/.dev.vars as it is now: a developer's settings, which tests never write. */
const devVars = () => (existsSync(devVarsPath) ? readFileSync(devVarsPath, 'utf8') : null)

type Chaos = {
  violations: string[]
  records: { outcomes: { status: string }[] }[]
}

describe('crash recovery of the real product', () => {
  it('should finish every generation after every process of npm start is SIGKILLed, with every promise kept', async () => {
    const before = devVars()
    const result: Chaos = await runChaos({ rounds: 2, build: false, log: () => undefined })
    expect(result.violations).toEqual([])
    // On a fresh clone, npm start would generate a secret there unless it is given one.
    expect(devVars()).toBe(before)
    const statuses = result.records.flatMap((r) => r.outcomes.map((o) => o.status))
    expect(statuses).toHaveLength(4)
    for (const status of statuses) expect(['succeeded', 'failed']).toContain(status)
  }, 600_000)
})
