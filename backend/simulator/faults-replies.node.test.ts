import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { CallEntry } from './calls-log.ts'
import type { Simulator } from './server.ts'
import {
  advance,
  asyncBody,
  callSync,
  control,
  counters,
  createTask,
  type ErrorResponse,
  getTask,
  json,
  resetManual,
  type SyncResponse,
  startTestSimulator,
  type TaskResponse,
  textBody,
} from './test-support.ts'

let sim: Simulator

beforeAll(async () => {
  sim = await startTestSimulator({ image_mode: 'tiny' })
})
afterAll(() => sim.close())
beforeEach(() => control(sim, 'POST', 'reset'))

const lastCall = async () =>
  (await control<{ calls: CallEntry[] }>(sim, 'GET', 'calls')).calls.at(-1)

const ERROR_FAULTS = [
  ['invalid-parameter', 400, 'InvalidParameter'],
  ['data-inspection', 400, 'DataInspectionFailed'],
  ['arrearage', 400, 'Arrearage'],
  ['auth', 401, 'InvalidApiKey'],
  ['rate-limit', 429, 'Throttling.RateQuota'],
  ['quota', 429, 'Throttling.AllocationQuota'],
  ['timeout-408', 408, 'RequestTimeOut'],
  ['internal', 500, 'InternalError'],
  ['unavailable', 503, 'ModelUnavailable'],
] as const

describe('error faults (docs/dashscope.md §12.9)', () => {
  it.each(ERROR_FAULTS)(
    'should answer [sim:%s] with %i %s and bill nothing',
    async (fault, status, code) => {
      const response = await callSync(sim, textBody(`[sim:${fault}] a cat`))
      expect(response.status).toBe(status)
      const body = await json<ErrorResponse>(response)
      expect(body).toEqual({
        request_id: response.headers.get('x-request-id'),
        code,
        message: expect.any(String),
      })
      const seen = await counters(sim)
      expect(seen.billable_images.total).toBe(0)
      expect(Object.values(seen.upstream_calls_by_fingerprint)).toEqual([1])
      expect(seen.throttled).toBe(code === 'Throttling.RateQuota' ? 1 : 0)
      expect((await lastCall())?.faults).toEqual([fault])
    }
  )

  it.each(ERROR_FAULTS)(
    'should answer a queued %s on an async create',
    async (fault, status, code) => {
      await control(sim, 'POST', 'faults', { fault, match: { route: 'async_create' } })
      const response = await createTask(sim, asyncBody('a cat'))
      expect({ status: response.status, code: (await json<ErrorResponse>(response)).code }).toEqual(
        { status, code }
      )
      expect((await control<{ tasks: unknown[] }>(sim, 'GET', 'tasks')).tasks).toEqual([])
    }
  )
})

describe('odd answers', () => {
  it('should answer malformed with 200 and an HTML body', async () => {
    const response = await callSync(sim, textBody('[sim:malformed] a cat'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await response.text()).toMatch(/^<html>/)
  })

  it('should answer empty with 200 JSON holding no image', async () => {
    const body = await json<SyncResponse>(await callSync(sim, textBody('[sim:empty] a cat')))
    expect(body.output.choices[0].message.content).toEqual([])
    expect(body.usage.image_count).toBe(0)
    expect((await counters(sim)).billable_images.total).toBe(0)
  })

  it('should answer error-200 with 200 and a top-level code', async () => {
    const response = await callSync(sim, textBody('[sim:error-200] a cat'))
    expect(response.status).toBe(200)
    expect(await json(response)).toEqual({
      request_id: expect.any(String),
      code: 'InternalError',
      message: expect.any(String),
    })
  })

  it('should add latency with slow:<ms>', async () => {
    const started = performance.now()
    expect((await callSync(sim, textBody('[sim:slow:300] a cat'))).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(340)
  })
})

describe('connections closed without an answer', () => {
  it('should close the connection after hang:<ms>', async () => {
    const started = performance.now()
    await expect(callSync(sim, textBody('[sim:hang:200] a cat'))).rejects.toThrow()
    expect(performance.now() - started).toBeGreaterThanOrEqual(190)
    expect((await lastCall())?.status).toBe('hung')
    expect((await counters(sim)).billable_images.total).toBe(0)
  })

  it('should hold a plain hang until the client gives up', async () => {
    const signal = AbortSignal.timeout(300)
    await expect(callSync(sim, textBody('[sim:hang] a cat'), { signal })).rejects.toThrow()
    expect((await callSync(sim, textBody('a cat'))).status).toBe(200)
    const { calls } = await control<{ calls: CallEntry[] }>(sim, 'GET', 'calls')
    expect(calls.map((call) => call.status)).toEqual(['hung', 200])
  })

  it('should generate and bill, then drop the connection, with drop', async () => {
    await expect(callSync(sim, textBody('[sim:drop] a cat'))).rejects.toThrow()
    expect((await lastCall())?.status).toBe('dropped')
    expect((await counters(sim)).billable_images.total).toBe(1)
  })

  it('should leave a running task behind a dropped async create', async () => {
    await resetManual(sim)
    await expect(createTask(sim, asyncBody('[sim:drop] a cat'))).rejects.toThrow()
    await advance(sim, 4_000)
    const { tasks } = await control<{ tasks: { task_status: string }[] }>(sim, 'GET', 'tasks')
    expect(tasks.map((task) => task.task_status)).toEqual(['SUCCEEDED'])
    expect((await counters(sim)).billable_images.total).toBe(1)
  })
})

describe('the fault queue', () => {
  it('should hand faults to matching calls in order, times included', async () => {
    await control(sim, 'POST', 'faults', [
      { fault: 'internal', times: 2, match: { route: 'sync', model: 'qwen-image-max' } },
      { fault: 'unavailable', match: { route: 'sync' } },
    ])
    expect((await callSync(sim, textBody('a', {}, 'qwen-image-plus'))).status).toBe(503)
    const body = textBody('a cat', { seed: 7 })
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await callSync(sim, body)).status)
    expect(statuses).toEqual([500, 500, 200])
    const seen = await counters(sim)
    expect(Object.values(seen.upstream_calls_by_fingerprint).sort()).toEqual([1, 3])
    expect(seen.billable_images.total).toBe(1)
    expect(await control(sim, 'GET', 'faults')).toEqual({ faults: [] })
  })

  it('should list and clear queued faults', async () => {
    const listed = await control(sim, 'POST', 'faults', { fault: 'slow:100', times: 3 })
    expect(listed).toEqual({ faults: [{ fault: 'slow:100', times: 3, match: {} }] })
    await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' })
    expect(await control(sim, 'GET', 'faults')).toEqual({ faults: [] })
  })

  it('should keep a fault without a route for generation calls, not task queries', async () => {
    await control(sim, 'POST', 'faults', { fault: 'unavailable' })
    expect((await getTask(sim, 'x')).status).toBe(200)
    expect((await callSync(sim, textBody('a'))).status).toBe(503)
  })

  it('should fail a task query when a fault is queued for task_get', async () => {
    await control(sim, 'POST', 'faults', { fault: 'unavailable', match: { route: 'task_get' } })
    const failed = await getTask(sim, 'x')
    expect(failed.status).toBe(503)
    expect(failed.headers.get('content-type')).toBe('application/json;charset=UTF-8')
    expect((await json<TaskResponse>(await getTask(sim, 'x'))).output.task_status).toBe('UNKNOWN')
  })

  it.each([
    ['an unknown fault', { fault: 'explode' }],
    ['slow without its argument', { fault: 'slow' }],
    ['a bad argument', { fault: 'partial:lots' }],
    ['a fault for a route it cannot affect', { fault: 'stuck', match: { route: 'sync' } }],
    ['an unknown field', { fault: 'internal', when: 'now' }],
  ])('should refuse %s', async (_, body) => {
    const response = await fetch(`${sim.url}/__sim/faults`, {
      method: 'POST',
      body: JSON.stringify(body),
    })
    expect(response.status).toBe(400)
    expect(await control(sim, 'GET', 'faults')).toEqual({ faults: [] })
  })
})

describe('prompt markers', () => {
  it('should refuse an unknown marker and a marker for another route', async () => {
    expect((await callSync(sim, textBody('[sim:explode] a'))).status).toBe(400)
    expect((await callSync(sim, textBody('[sim:task-failed] a'))).status).toBe(400)
  })

  it('should remove markers before the prompt is used', async () => {
    await resetManual(sim)
    const created = await json<TaskResponse>(
      await createTask(sim, asyncBody('[sim:slow:1] a cat [sim:result-download:1]'))
    )
    await advance(sim, 4_000)
    const task = await json<TaskResponse>(await getTask(sim, created.output.task_id))
    expect(task.output.results?.[0]?.orig_prompt).toBe('a cat')
  })
})
