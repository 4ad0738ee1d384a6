import { createHash } from 'node:crypto'
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
  editBody,
  getTask,
  json,
  pngDataUri,
  resetManual,
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

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

describe('GET /__sim/counters (docs/dashscope.md §12.10)', () => {
  it('should start at zero in the documented shape', async () => {
    expect(await counters(sim)).toEqual({
      calls: { sync: 0, async_create: 0, task_get: 0, task_cancel: 0, result_get: 0 },
      responses_by_status: {},
      upstream_calls_by_fingerprint: {},
      billable_images: { total: 0, by_model: {} },
      tasks_by_status: { PENDING: 0, RUNNING: 0, SUCCEEDED: 0, FAILED: 0, CANCELED: 0 },
      max_running_seen: {},
      throttled: 0,
      truncated_texts: 0,
    })
  })

  it('should fingerprint the canonical body, whatever the key order', async () => {
    const body = textBody('a cat', { seed: 1 })
    await callSync(sim, body)
    await callSync(
      sim,
      JSON.stringify({ parameters: body.parameters, input: body.input, model: body.model }, null, 2)
    )
    const canonical =
      '{"input":{"messages":[{"content":[{"text":"a cat"}],"role":"user"}]},"model":"qwen-image-max","parameters":{"n":1,"prompt_extend":false,"seed":1,"watermark":false}}'
    expect((await counters(sim)).upstream_calls_by_fingerprint).toEqual({ [sha256(canonical)]: 2 })
  })

  it('should count billable images only for delivered images', async () => {
    await callSync(sim, textBody('a cat'))
    await callSync(sim, textBody('[sim:internal] a cat'))
    await callSync(sim, editBody([pngDataUri(512, 512)], '[sim:partial:1] x', { n: 3 }))
    const seen = await counters(sim)
    expect(seen.billable_images).toEqual({
      total: 2,
      by_model: { 'qwen-image-max': 1, 'qwen-image-edit-max': 1 },
    })
    expect(seen.calls.sync).toBe(3)
    expect(seen.responses_by_status).toEqual({ '200': 2, '500': 1 })
    expect(seen.max_running_seen).toEqual({ 'sk-sim': 1 })
  })

  it('should see concurrent sync calls in max_running_seen', async () => {
    await Promise.all([1, 2, 3].map((seed) => callSync(sim, textBody('a cat', { seed }))))
    expect((await counters(sim)).max_running_seen).toEqual({ 'sk-sim': 3 })
  })
})

describe('GET /__sim/calls', () => {
  it('should log calls with image data replaced by its SHA-256', async () => {
    const photo = pngDataUri(512, 512)
    await callSync(sim, editBody([photo], 'x'))
    const { calls } = await control<{ calls: CallEntry[] }>(sim, 'GET', 'calls')
    const bytes = Buffer.from(photo.split(',')[1], 'base64')
    expect(calls).toEqual([
      expect.objectContaining({
        route: 'sync',
        method: 'POST',
        key: 'sk-sim',
        model: 'qwen-image-edit-max',
        status: 200,
        faults: [],
        truncated: [],
      }),
    ])
    expect(JSON.stringify(calls[0].body)).toContain(`"image":"sha256:${sha256(bytes)}"`)
    expect(JSON.stringify(calls[0].body)).not.toContain('base64')
  })
})

describe('POST /__sim/reset', () => {
  it('should clear tasks, counters, faults, rate windows, the log and return the clock to real', async () => {
    await resetManual(sim)
    const { output } = await json<TaskResponse>(await createTask(sim, asyncBody('a')))
    await createTask(sim, asyncBody('b'))
    expect((await createTask(sim, asyncBody('c'))).status).toBe(429)
    await control(sim, 'POST', 'faults', { fault: 'internal' })
    await advance(sim, 3_600_000)

    await control(sim, 'POST', 'reset')

    expect((await counters(sim)).calls.async_create).toBe(0)
    expect(await control(sim, 'GET', 'faults')).toEqual({ faults: [] })
    expect(await control(sim, 'GET', 'calls')).toEqual({ calls: [] })
    const clock = await control<{ mode: string; now_ms: number }>(sim, 'GET', 'clock')
    expect(clock.mode).toBe('real')
    expect(Math.abs(clock.now_ms - Date.now())).toBeLessThan(1_000)
    expect((await json<TaskResponse>(await getTask(sim, output.task_id))).output.task_status).toBe(
      'UNKNOWN'
    )
    expect((await createTask(sim, asyncBody('d'))).status).toBe(200)
    expect((await callSync(sim, textBody('a'))).status).toBe(200)
  })
})

describe('/__sim/config and /__sim/clock', () => {
  it('should show the configuration with its defaults', async () => {
    expect(await control(sim, 'GET', 'config')).toMatchObject({
      region: 'sg',
      keys: { 'sk-sim': 'sg' },
      profile: 'fast',
      image_mode: 'tiny',
      strict_inputs: true,
      public_base: null,
      max_body_bytes: 48 * 1024 * 1024,
      concurrency: 'queue',
      max_running_per_key: 2,
      sync_per_minute: {},
      clock: 'real',
      models: { 'qwen-image-max': expect.objectContaining({ kind: 'text-to-image' }) },
    })
  })

  it.each([
    ['an unknown field', { colour: 'blue' }],
    ['a bad value', { profile: 'slow' }],
  ])('should refuse %s', async (_, body) => {
    const response = await fetch(`${sim.url}/__sim/config`, {
      method: 'POST',
      body: JSON.stringify(body),
    })
    expect(response.status).toBe(400)
  })

  it('should apply sync_per_minute per model and key', async () => {
    await control(sim, 'POST', 'config', {
      sync_per_minute: { 'qwen-image-max': 2 },
      clock: 'manual',
    })
    try {
      const statuses = []
      for (let i = 0; i < 3; i++) statuses.push((await callSync(sim, textBody('a'))).status)
      expect(statuses).toEqual([200, 200, 429])
      expect((await callSync(sim, textBody('a', {}, 'qwen-image-plus'))).status).toBe(200)
      await advance(sim, 60_000)
      expect((await callSync(sim, textBody('a'))).status).toBe(200)
    } finally {
      await control(sim, 'POST', 'config', { sync_per_minute: {} })
    }
  })

  it('should set, advance and freeze the clock', async () => {
    const set = await control(sim, 'POST', 'clock', { mode: 'manual', set: '2026-01-01T00:00:00Z' })
    expect(set).toEqual({
      mode: 'manual',
      now: '2026-01-01T00:00:00.000Z',
      now_ms: Date.parse('2026-01-01T00:00:00Z'),
    })
    expect((await advance(sim, 60_000)).now).toBe('2026-01-01T00:01:00.000Z')
    expect((await control(sim, 'GET', 'clock')).now).toBe('2026-01-01T00:01:00.000Z')
    const bad = await fetch(`${sim.url}/__sim/clock`, {
      method: 'POST',
      body: '{"set":"yesterday"}',
    })
    expect(bad.status).toBe(400)
  })

  it('should list tasks at /__sim/tasks', async () => {
    await createTask(sim, asyncBody('[sim:partial] a'))
    const { tasks } = await control<{ tasks: Record<string, unknown>[] }>(sim, 'GET', 'tasks')
    expect(tasks).toEqual([
      expect.objectContaining({
        task_status: 'PENDING',
        key: 'sk-sim',
        model: 'qwen-image-plus',
        prompt: 'a',
        faults: ['partial'],
      }),
    ])
  })

  it('should mark control answers with a request id but not as service answers', async () => {
    const response = await fetch(`${sim.url}/__sim/counters`)
    expect(response.headers.get('x-request-id')).toEqual(expect.any(String))
    expect(response.headers.get('x-dashscope-simulator')).toBeNull()
    expect((await fetch(`${sim.url}/__sim/nope`)).status).toBe(404)
  })
})
