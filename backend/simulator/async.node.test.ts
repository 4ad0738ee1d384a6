import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Simulator } from './server.ts'
import {
  advance,
  asyncBody,
  cancelTask,
  control,
  counters,
  createTask,
  download,
  type ErrorResponse,
  getTask,
  inspectPng,
  json,
  resetManual,
  startTestSimulator,
  type TaskResponse,
} from './test-support.ts'

const DAY_MS = 24 * 60 * 60 * 1000
const CANCEL_MESSAGE = 'Failed to cancel the task, please confirm if the task is in PENDING status.'

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

describe('async tasks (docs/dashscope.md §6, §12.6)', () => {
  it('should go PENDING → RUNNING → SUCCEEDED on the manual clock', async () => {
    await control(sim, 'POST', 'clock', { set: '2026-01-01T00:00:00Z' })
    const response = await createTask(sim, asyncBody('a lighthouse'))
    const created = await json<TaskResponse>(response)
    expect(created).toEqual({
      output: { task_status: 'PENDING', task_id: expect.any(String) },
      request_id: expect.any(String),
    })
    const id = created.output.task_id

    const pending = await getTask(sim, id)
    expect(pending.headers.get('content-type')).toBe('application/json;charset=UTF-8')
    expect((await json<TaskResponse>(pending)).output).toEqual({
      task_id: id,
      task_status: 'PENDING',
      submit_time: '2026-01-01 08:00:00.000',
    })

    await advance(sim, 999)
    expect((await query(id)).task_status).toBe('PENDING')
    await advance(sim, 1)
    expect(await query(id)).toEqual({
      task_id: id,
      task_status: 'RUNNING',
      submit_time: '2026-01-01 08:00:00.000',
      scheduled_time: '2026-01-01 08:00:01.000',
      task_metrics: { TOTAL: 1, SUCCEEDED: 0, FAILED: 0 },
    })
    await advance(sim, 2_999)
    expect((await query(id)).task_status).toBe('RUNNING')
    expect((await counters(sim)).billable_images.total).toBe(0)
    await advance(sim, 1)

    const done = await json<TaskResponse>(await getTask(sim, id))
    expect(done.output).toMatchObject({
      task_status: 'SUCCEEDED',
      end_time: '2026-01-01 08:00:04.000',
      task_metrics: { TOTAL: 1, SUCCEEDED: 1, FAILED: 0 },
    })
    expect(done.usage).toEqual({ image_count: 1 })
    const [result] = done.output.results ?? []
    expect(result).toEqual({
      orig_prompt: 'a lighthouse',
      actual_prompt: expect.stringContaining('a lighthouse'),
      url: expect.stringContaining('/results/20260101/'),
    })
    expect(inspectPng((await download(result.url ?? '')).bytes)).toMatchObject({
      width: 64,
      height: 64,
      crcOk: true,
    })
    expect((await counters(sim)).billable_images).toEqual({
      total: 1,
      by_model: { 'qwen-image-plus': 1 },
    })
  })

  it('should leave out actual_prompt without prompt_extend', async () => {
    const id = await create('a lighthouse', { prompt_extend: false })
    await advance(sim, 4_000)
    expect((await query(id)).results?.[0]).toEqual({
      orig_prompt: 'a lighthouse',
      url: expect.any(String),
    })
  })

  it('should give the same timestamps for one big clock jump as for small steps', async () => {
    await control(sim, 'POST', 'clock', { set: '2026-01-01T00:00:00Z' })
    const id = await create()
    await advance(sim, 60_000)
    expect(await query(id)).toMatchObject({
      scheduled_time: '2026-01-01 08:00:01.000',
      end_time: '2026-01-01 08:00:04.000',
    })
  })

  it('should cancel a PENDING task and refuse to cancel it again', async () => {
    const id = await create()
    const response = await cancelTask(sim, id)
    expect(response.status).toBe(200)
    expect(await json(response)).toEqual({ request_id: response.headers.get('x-request-id') })
    expect((await query(id)).task_status).toBe('CANCELED')
    await advance(sim, 10_000)
    expect((await query(id)).task_status).toBe('CANCELED')
    const again = await cancelTask(sim, id)
    expect(again.status).toBe(400)
    expect(await json<ErrorResponse>(again)).toMatchObject({
      code: 'UnsupportedOperation',
      message: CANCEL_MESSAGE,
    })
    expect((await counters(sim)).billable_images.total).toBe(0)
  })

  it.each([
    ['RUNNING', 1_500],
    ['SUCCEEDED', 5_000],
  ])('should answer UnsupportedOperation to a cancel while %s', async (status, ms) => {
    const id = await create()
    await advance(sim, ms)
    expect((await query(id)).task_status).toBe(status)
    const response = await cancelTask(sim, id)
    expect(response.status).toBe(400)
    expect((await json<ErrorResponse>(response)).code).toBe('UnsupportedOperation')
  })

  it('should answer UNKNOWN with 200 for an id never issued', async () => {
    const response = await getTask(sim, '1111')
    expect(response.status).toBe(200)
    expect(await json(response)).toEqual({
      request_id: expect.any(String),
      output: { task_id: '1111', task_status: 'UNKNOWN' },
    })
  })

  it('should forget a task 24 h after submission', async () => {
    const id = await create()
    await advance(sim, DAY_MS - 1)
    expect((await query(id)).task_status).toBe('SUCCEEDED')
    await advance(sim, 1)
    expect((await query(id)).task_status).toBe('UNKNOWN')
  })

  it('should hide a task from another key', async () => {
    await control(sim, 'POST', 'config', { keys: { 'sk-sim': 'sg', 'sk-other': 'sg' } })
    try {
      const id = await create()
      expect(
        (await json<TaskResponse>(await getTask(sim, id, 'sk-other'))).output.task_status
      ).toBe('UNKNOWN')
    } finally {
      await control(sim, 'POST', 'config', { keys: { 'sk-sim': 'sg' } })
    }
  })
})
