import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Simulator } from './server.ts'
import {
  advance,
  asyncBody,
  control,
  counters,
  createTask,
  type ErrorResponse,
  getTask,
  json,
  resetManual,
  startTestSimulator,
  type TaskResponse,
} from './test-support.ts'

let sim: Simulator

beforeAll(async () => {
  sim = await startTestSimulator({ image_mode: 'tiny' })
})
afterAll(() => sim.close())
beforeEach(() => resetManual(sim))

const create = async (prompt = 'a lighthouse', parameters: Record<string, unknown> = {}) => {
  const response = await createTask(sim, asyncBody(prompt, parameters))
  expect(response.status).toBe(200)
  return (await json<TaskResponse>(response)).output.task_id
}
const query = async (id: string) => (await json<TaskResponse>(await getTask(sim, id))).output

describe('slots and rate limits (docs/dashscope.md §12.8)', () => {
  it('should queue a third task until a running slot frees up', async () => {
    await control(sim, 'POST', 'clock', { set: '2026-01-01T00:00:00Z' })
    const [a, b] = [await create('a'), await create('b')]
    await advance(sim, 1_000)
    const c = await create('c')
    await advance(sim, 2_000)
    expect([
      (await query(a)).task_status,
      (await query(b)).task_status,
      (await query(c)).task_status,
    ]).toEqual(['RUNNING', 'RUNNING', 'PENDING'])
    await advance(sim, 2_000)
    expect(await query(c)).toMatchObject({
      task_status: 'RUNNING',
      scheduled_time: '2026-01-01 08:00:04.000',
    })
    await advance(sim, 3_000)
    expect((await query(c)).end_time).toBe('2026-01-01 08:00:07.000')
    const seen = await counters(sim)
    expect(seen.max_running_seen).toEqual({ 'sk-sim': 3 })
    expect(seen.tasks_by_status).toMatchObject({ SUCCEEDED: 3, PENDING: 0, RUNNING: 0 })
  })

  it('should refuse a create over the concurrency limit with concurrency: reject', async () => {
    await control(sim, 'POST', 'config', { concurrency: 'reject' })
    try {
      await create('a')
      await create('b')
      await advance(sim, 1_000)
      const response = await createTask(sim, asyncBody('c'))
      expect(response.status).toBe(429)
      expect((await json<ErrorResponse>(response)).code).toBe('Throttling.RateQuota')
      expect((await counters(sim)).throttled).toBe(1)
    } finally {
      await control(sim, 'POST', 'config', { concurrency: 'queue' })
    }
  })

  it('should throttle a third create within one second', async () => {
    await create('a')
    await create('b')
    const response = await createTask(sim, asyncBody('c'))
    expect(response.status).toBe(429)
    expect((await json<ErrorResponse>(response)).code).toBe('Throttling.RateQuota')
    await advance(sim, 1_000)
    await create('c')
  })

  it('should throttle task queries over 20 per second', async () => {
    const statuses = []
    for (let i = 0; i < 21; i++) statuses.push((await getTask(sim, 'x')).status)
    expect(statuses.filter((status) => status === 429)).toHaveLength(1)
    expect(statuses.at(-1)).toBe(429)
  })
})

describe('the real clock', () => {
  it('should jump forward with advance_ms and keep running', async () => {
    await control(sim, 'POST', 'reset')
    const id = await create()
    const before = await control<{ mode: string; now_ms: number }>(sim, 'GET', 'clock')
    const after = await advance(sim, 4_000)
    expect(before.mode).toBe('real')
    expect(Number(after.now_ms) - before.now_ms).toBeGreaterThanOrEqual(4_000)
    expect((await query(id)).task_status).toBe('SUCCEEDED')
  })
})
