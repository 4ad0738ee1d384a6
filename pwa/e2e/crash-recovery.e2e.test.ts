import { describe, expect, it } from 'vitest'
import { runChaos } from '../../bench/chaos.mjs'

type Chaos = {
  violations: string[]
  records: { outcomes: { status: string }[] }[]
}

describe('crash recovery of the real product', () => {
  it('should finish every generation after every process of npm start is SIGKILLed, with every promise kept', async () => {
    const result: Chaos = await runChaos({ rounds: 2, build: false, log: () => undefined })
    expect(result.violations).toEqual([])
    const statuses = result.records.flatMap((r) => r.outcomes.map((o) => o.status))
    expect(statuses).toHaveLength(4)
    for (const status of statuses) expect(['succeeded', 'failed']).toContain(status)
  }, 600_000)
})
