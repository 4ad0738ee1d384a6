import { MODELS } from '@app/shared-types'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Simulator } from './server.ts'
import {
  advance,
  asyncBody,
  callSync,
  control,
  counters,
  createTask,
  download,
  type ErrorResponse,
  editBody,
  getTask,
  imageUrls,
  json,
  pngDataUri,
  resetManual,
  type SyncResponse,
  startTestSimulator,
  type TaskResponse,
  textBody,
} from './test-support.ts'

const HOUR_MS = 60 * 60 * 1000

let sim: Simulator
let photo: string

beforeAll(async () => {
  sim = await startTestSimulator({ image_mode: 'tiny' })
  photo = pngDataUri(512, 512)
})
afterAll(() => sim.close())
beforeEach(() => resetManual(sim))

const runTask = async (prompt: string, parameters: Record<string, unknown> = {}) => {
  const created = await json<TaskResponse>(await createTask(sim, asyncBody(prompt, parameters)))
  await advance(sim, 4_000)
  return json<TaskResponse>(await getTask(sim, created.output.task_id))
}

const syncUrl = async (prompt: string) => {
  const [url] = imageUrls(await json<SyncResponse>(await callSync(sim, textBody(prompt))))
  return url
}

describe('result download faults', () => {
  it('should fail the first k downloads with result-download:<k>', async () => {
    const url = await syncUrl('[sim:result-download:2] a cat')
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await download(url)).response.status)
    expect(statuses).toEqual([500, 500, 200])
    expect((await counters(sim)).calls.result_get).toBe(3)
  })

  it('should fail every download with result-download', async () => {
    const url = await syncUrl('[sim:result-download] a cat')
    for (let i = 0; i < 3; i++) expect((await download(url)).response.status).toBe(500)
  })

  it('should hand out an already expired URL with result-expired', async () => {
    expect((await download(await syncUrl('[sim:result-expired] a cat'))).response.status).toBe(403)
  })

  it('should apply result faults to async results too', async () => {
    const task = await runTask('[sim:result-download:1] a cat')
    const url = task.output.results?.[0]?.url ?? ''
    expect((await download(url)).response.status).toBe(500)
    expect((await download(url)).response.status).toBe(200)
  })
})

describe('task faults', () => {
  it('should end FAILED with InternalError under task-failed, billing nothing', async () => {
    const task = await runTask('[sim:task-failed] a cat')
    expect(task.output).toMatchObject({
      task_status: 'FAILED',
      code: 'InternalError',
      task_metrics: { TOTAL: 1, SUCCEEDED: 0, FAILED: 1 },
    })
    expect(task.output.results).toBeUndefined()
    expect(task.usage).toBeUndefined()
    expect((await counters(sim)).billable_images.total).toBe(0)
  })

  it('should end FAILED with DataInspectionFailed under data-inspection:output', async () => {
    const task = await runTask('[sim:data-inspection:output] a cat')
    expect(task.output).toMatchObject({ task_status: 'FAILED', code: 'DataInspectionFailed' })
  })

  it('should stay RUNNING under stuck until the task turns UNKNOWN at 24 h', async () => {
    const task = await runTask('[sim:stuck] a cat')
    expect(task.output.task_status).toBe('RUNNING')
    await advance(sim, 23 * HOUR_MS)
    expect(
      (await json<TaskResponse>(await getTask(sim, task.output.task_id))).output.task_status
    ).toBe('RUNNING')
    await advance(sim, HOUR_MS)
    expect(
      (await json<TaskResponse>(await getTask(sim, task.output.task_id))).output.task_status
    ).toBe('UNKNOWN')
    expect((await counters(sim)).billable_images.total).toBe(0)
  })
})

describe('partial success', () => {
  it('should deliver k of n sync edit images and bill k', async () => {
    const response = await callSync(sim, editBody([photo], '[sim:partial:2] on marble', { n: 3 }))
    const body = await json<SyncResponse>(response)
    expect(imageUrls(body)).toHaveLength(2)
    expect(body.usage.image_count).toBe(2)
    expect((await counters(sim)).billable_images.total).toBe(2)
  })

  it('should default to n − 1 images', async () => {
    const body = await json<SyncResponse>(
      await callSync(sim, editBody([photo], '[sim:partial] x', { n: 4 }))
    )
    expect(body.usage.image_count).toBe(3)
  })

  it('should fail a call whose partial success leaves no image', async () => {
    const response = await callSync(sim, textBody('[sim:partial] a cat'))
    expect(response.status).toBe(500)
    expect((await json<ErrorResponse>(response)).code).toBe('InternalError.Timeout')
    expect((await counters(sim)).billable_images.total).toBe(0)
  })

  it('should list failed images in the results of a task with n > 1', async () => {
    const plus = MODELS['qwen-image-plus']
    await control(sim, 'POST', 'config', {
      models: { ...MODELS, 'qwen-image-plus': { ...plus, n: { min: 1, max: 4 } } },
    })
    try {
      const task = await runTask('[sim:partial:1] a cat', { n: 3 })
      expect(task.output).toMatchObject({
        task_status: 'SUCCEEDED',
        task_metrics: { TOTAL: 3, SUCCEEDED: 1, FAILED: 2 },
      })
      expect(task.output.results?.map((result) => result.code ?? 'ok')).toEqual([
        'ok',
        'InternalError.Timeout',
        'InternalError.Timeout',
      ])
      expect(task.usage).toEqual({ image_count: 1 })
      expect((await counters(sim)).billable_images.total).toBe(1)
    } finally {
      await control(sim, 'POST', 'config', { models: MODELS })
    }
  })

  it('should refuse output with data-inspection:output on a sync call, billing nothing', async () => {
    const response = await callSync(sim, textBody('[sim:data-inspection:output] a cat'))
    expect(response.status).toBe(400)
    expect((await json<ErrorResponse>(response)).code).toBe('DataInspectionFailed')
    expect((await counters(sim)).billable_images.total).toBe(0)
  })
})
