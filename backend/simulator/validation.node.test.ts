import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Simulator } from './server.ts'
import {
  asyncBody,
  callSync,
  control,
  createTask,
  type ErrorResponse,
  editBody,
  json,
  pngDataUri,
  startTestSimulator,
  textBody,
} from './test-support.ts'

const GENERIC = 'Required parameter(s) missing or invalid, please check the request parameters.'
const NO_ASYNC = 'current user api does not support asynchronous calls'
const NO_SYNC = 'current user api does not support synchronous calls'

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

describe('validation order and envelope (docs/dashscope.md §12.4 steps 1–3)', () => {
  it('should answer 413 BadRequest.TooLarge over max_body_bytes', async () => {
    await control(sim, 'POST', 'config', { max_body_bytes: 1_000 })
    try {
      await expectError(
        await callSync(sim, textBody('x'.repeat(2_000))),
        413,
        'BadRequest.TooLarge'
      )
    } finally {
      await control(sim, 'POST', 'config', { max_body_bytes: 48 * 1024 * 1024 })
    }
  })

  it.each([
    ['a body that is not JSON', 'not json', 400, 'InvalidParameter', GENERIC],
    ['a JSON array', '[]', 400, 'InvalidParameter', GENERIC],
    ['no model', { input: {} }, 400, 'BadRequest.EmptyModel', undefined],
    ['an unknown model', { model: 'qwen-image-9', input: {} }, 404, 'ModelNotFound', undefined],
    ['no input', { model: 'qwen-image-max' }, 400, 'BadRequest.EmptyInput', undefined],
  ])('should refuse %s', async (_, body, status, code, message) => {
    await expectError(await callSync(sim, body), status, code, message)
  })

  it('should check the model before the async header', async () => {
    const response = await callSync(
      sim,
      { input: {} },
      { headers: { 'X-DashScope-Async': 'enable' } }
    )
    await expectError(response, 400, 'BadRequest.EmptyModel')
  })

  it('should refuse the async header on the sync route', async () => {
    const response = await callSync(sim, textBody('a cat'), {
      headers: { 'X-DashScope-Async': 'enable' },
    })
    await expectError(response, 403, 'AccessDenied', NO_ASYNC)
  })

  it('should refuse the async route without the header', async () => {
    const response = await createTask(sim, asyncBody('a cat'), {
      headers: { 'X-DashScope-Async': '' },
    })
    await expectError(response, 403, 'AccessDenied', NO_SYNC)
  })

  it('should refuse the async route for a model without an async API', async () => {
    const response = await createTask(sim, { ...asyncBody('a cat'), model: 'qwen-image-max' })
    await expectError(response, 403, 'AccessDenied', NO_ASYNC)
  })
})

describe('messages (step 4)', () => {
  const withContent = (content: unknown[], model = 'qwen-image-max') => ({
    model,
    input: { messages: [{ role: 'user', content }] },
  })

  it.each([
    ['two messages', { model: 'qwen-image-max', input: { messages: [{}, {}] } }],
    [
      'an assistant message',
      {
        model: 'qwen-image-max',
        input: { messages: [{ role: 'assistant', content: [{ text: 'x' }] }] },
      },
    ],
    ['no text item', withContent([])],
    ['two text items', withContent([{ text: 'a' }, { text: 'b' }])],
    ['an empty text', withContent([{ text: '  ' }])],
    ['an item that is neither text nor image', withContent([{ text: 'a' }, { video: 'v' }])],
    [
      'an image for a text-to-image model',
      withContent([{ image: 'https://x.test/a.png' }, { text: 'a' }]),
    ],
    ['an edit without images', withContent([{ text: 'a' }], 'qwen-image-edit-max')],
  ])('should answer InvalidParameter to %s', async (_, body) => {
    await expectError(await callSync(sim, body), 400, 'InvalidParameter')
  })

  it('should refuse four images for the edit model', async () => {
    const body = editBody([square, square, square, square], 'combine')
    await expectError(await callSync(sim, body), 400, 'InvalidParameter')
  })

  it.each([
    ['no prompt', {}],
    ['an empty prompt', { prompt: '' }],
  ])('should refuse an async create with %s', async (_, input) => {
    await expectError(await createTask(sim, { ...asyncBody('x'), input }), 400, 'InvalidParameter')
  })
})
