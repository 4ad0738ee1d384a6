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
  editBody,
  getTask,
  json,
  pngDataUri,
  resetManual,
  type SyncResponse,
  startTestSimulator,
  type TaskResponse,
  textBody,
} from './test-support.ts'

const GENERIC = 'Required parameter(s) missing or invalid, please check the request parameters.'

let sim: Simulator
let square: string

beforeAll(async () => {
  sim = await startTestSimulator({ image_mode: 'tiny' })
  square = pngDataUri(512, 512)
})
afterAll(() => sim.close())
beforeEach(() => control(sim, 'POST', 'reset'))

const expectError = async (response: Response, status: number, code: string, message?: string) => {
  const body = await json<ErrorResponse>(response)
  expect({ status: response.status, code: body.code }).toEqual({ status, code })
  if (message !== undefined) expect(body.message).toBe(message)
}

describe('parameters (step 6)', () => {
  it.each([
    ['a size not in the list', textBody('a', { size: '1024*1024' }), undefined],
    ['a size written with x', textBody('a', { size: '1328x1328' }), undefined],
    ['n = 2 on max', textBody('a', { n: 2 }), 'num_images_per_prompt must be 1'],
    [
      'n = 2 on plus',
      textBody('a', { n: 2 }, 'qwen-image-plus'),
      'num_images_per_prompt must be 1',
    ],
    ['a negative seed', textBody('a', { seed: -1 }), undefined],
    ['a fractional seed', textBody('a', { seed: 1.5 }), undefined],
    ['a seed over 2^31 − 1', textBody('a', { seed: 2_147_483_648 }), undefined],
    ['a string seed', textBody('a', { seed: '5' }), undefined],
    ['a non-boolean prompt_extend', textBody('a', { prompt_extend: 'yes' }), undefined],
    ['a non-boolean watermark', textBody('a', { watermark: 1 }), undefined],
    ['a non-string negative prompt', textBody('a', { negative_prompt: 5 }), undefined],
    ['parameters that are not an object', { ...textBody('a'), parameters: 'x' }, GENERIC],
  ])('should answer InvalidParameter to %s', async (_, body, message) => {
    await expectError(await callSync(sim, body), 400, 'InvalidParameter', message)
  })

  it.each([
    ['n = 7', { n: 7 }],
    ['n = 0', { n: 0 }],
    ['a side under 512', { size: '500*1024' }],
    ['a side over 2048', { size: '2049*1024' }],
    ['a size without height', { size: '1024' }],
  ])('should refuse %s on the edit model', async (_, parameters) => {
    await expectError(
      await callSync(sim, editBody([square], 'x', parameters)),
      400,
      'InvalidParameter'
    )
  })

  it('should accept the largest seed and every listed size', async () => {
    for (const size of ['1664*928', '1472*1104', '1328*1328', '1104*1472', '928*1664']) {
      const response = await callSync(sim, textBody('a', { size, seed: 2_147_483_647 }))
      const body = await json<SyncResponse>(response)
      expect(`${body.usage.width}*${body.usage.height}`).toBe(size)
    }
  })

  it('should default text-to-image sizes to 1664*928', async () => {
    const body = await json<SyncResponse>(await callSync(sim, { ...textBody('a'), parameters: {} }))
    expect(body.usage).toEqual({ width: 1664, height: 928, image_count: 1 })
  })

  it('should validate before faults, so a marked invalid request still gets its 400', async () => {
    await expectError(
      await callSync(sim, textBody('[sim:internal] a', { n: 2 })),
      400,
      'InvalidParameter'
    )
  })
})

describe('edit sizes (step 8)', () => {
  it('should round an edit size to multiples of 16', async () => {
    const body = await json<SyncResponse>(
      await callSync(sim, editBody([square], 'x', { size: '1000*1000' }))
    )
    expect(body.usage).toMatchObject({ width: 1008, height: 1008 })
  })

  it('should follow the aspect of the last image when size is omitted', async () => {
    const wide = pngDataUri(1024, 512)
    const last = await json<SyncResponse>(await callSync(sim, editBody([square, wide], 'x')))
    expect(last.usage).toMatchObject({ width: 1456, height: 720 })
    const first = await json<SyncResponse>(await callSync(sim, editBody([wide, square], 'x')))
    expect(first.usage).toMatchObject({ width: 1024, height: 1024 })
  })
})

describe('prompt lengths in code points (step 7)', () => {
  const lastCall = async () =>
    (await control<{ calls: CallEntry[] }>(sim, 'GET', 'calls')).calls.at(-1)

  it('should keep 800 emoji and silently cut 801 to 800', async () => {
    expect((await callSync(sim, textBody('🐱'.repeat(800)))).status).toBe(200)
    expect((await counters(sim)).truncated_texts).toBe(0)
    expect((await callSync(sim, textBody('🐱'.repeat(801)))).status).toBe(200)
    expect((await counters(sim)).truncated_texts).toBe(1)
    expect((await lastCall())?.truncated).toEqual(['prompt'])
  })

  it('should cut a negative prompt over 500 code points', async () => {
    await callSync(sim, textBody('a', { negative_prompt: 'é'.repeat(501) }))
    expect((await lastCall())?.truncated).toEqual(['negative_prompt'])
  })

  it('should report the cut prompt as orig_prompt of an async task', async () => {
    await resetManual(sim)
    const { output } = await json<TaskResponse>(await createTask(sim, asyncBody('猫'.repeat(900))))
    await advance(sim, 4_000)
    const task = await json<TaskResponse>(await getTask(sim, output.task_id))
    expect(task.output.results?.[0]?.orig_prompt).toBe('猫'.repeat(800))
  })
})
