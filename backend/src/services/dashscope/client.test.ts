import { MODELS } from '@app/shared-types'
import { describe, expect, it } from 'vitest'
import { sourceOf } from '../../../test/reference-sources.ts'
import { createDashScopeClient } from './client.ts'
import type { ProviderError } from './provider-errors.ts'
import { isAllowedResultUrl } from './result-hosts.ts'

type Call = { url: string; init: RequestInit }

const fakeFetch = (answer: (call: Call) => Response | Promise<Response>) => {
  const calls: Call[] = []
  const fn = (async (url: string | URL | Request, init: RequestInit = {}) => {
    const call = { url: String(url), init }
    calls.push(call)
    return answer(call)
  }) as typeof fetch
  return { fn, calls }
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })

const client = (answer: (call: Call) => Response | Promise<Response>) => {
  const fake = fakeFetch(answer)
  const c = createDashScopeClient({
    baseUrl: 'https://dashscope-intl.aliyuncs.com/api/v1/',
    apiKey: 'sk-test',
    resultOrigins: ['http://127.0.0.1:8790'],
    fetch: fake.fn,
  })
  return { c, calls: fake.calls }
}

const request = {
  model: MODELS['qwen-image-edit-max'],
  params: { prompt: 'on marble', n: 2, promptExtend: true, seed: 7 },
  // Their base64 is AAAA and BBBB.
  references: [
    sourceOf('image/png', new Uint8Array([0, 0, 0])),
    sourceOf('image/jpeg', new Uint8Array([4, 16, 65])),
  ],
}

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise
  } catch (error) {
    return error as ProviderError
  }
  throw new Error('expected a ProviderError')
}

describe('DashScope client: sync generation', () => {
  it('should send images before the text and only the parameters that are set', async () => {
    const { c, calls } = client(() =>
      json({
        output: {
          choices: [
            {
              message: {
                content: [{ image: 'https://a.oss-cn-x.aliyuncs.com/1.png' }, { text: 'x' }],
              },
            },
          ],
        },
        usage: { image_count: 1, width: 1, height: 1 },
        request_id: 'r1',
      })
    )
    const result = await c.generate(request)
    expect(result).toMatchObject({
      requestId: 'r1',
      urls: ['https://a.oss-cn-x.aliyuncs.com/1.png'],
      billed: 1,
      simulated: false,
    })
    const call = calls[0] as Call
    expect(call.url).toBe(
      'https://dashscope-intl.aliyuncs.com/api/v1/services/aigc/multimodal-generation/generation'
    )
    expect(new Headers(call.init.headers).get('authorization')).toBe('Bearer sk-test')
    const body = JSON.parse(await new Response(call.init.body).text())
    expect(body.input.messages[0].content).toEqual([
      { image: 'data:image/png;base64,AAAA' },
      { image: 'data:image/jpeg;base64,BBBB' },
      { text: 'on marble' },
    ])
    expect(body.parameters).toEqual({ n: 2, prompt_extend: true, watermark: false, seed: 7 })
  })

  it('should read the second usage shape and several choices', async () => {
    const { c } = client(() =>
      json(
        {
          output: {
            choices: [
              { message: { content: [{ image: 'u1' }] } },
              { message: { content: [{ image: 'u2' }] } },
            ],
          },
          usage: { output_image_count: 2 },
        },
        200,
        { 'x-request-id': 'hdr', 'x-dashscope-simulator': '1' }
      )
    )
    expect(await c.generate(request)).toMatchObject({
      urls: ['u1', 'u2'],
      billed: 2,
      requestId: 'hdr',
      simulated: true,
    })
  })

  it.each([
    [429, 'Throttling', 'provider_busy', true, 'PROVIDER_BUSY'],
    [429, 'Throttling.AllocationQuota', 'provider_account', false, 'INTERNAL'],
    [400, 'DataInspectionFailed', 'content_refused', false, 'CONTENT_REFUSED'],
    [400, 'InvalidParameter.DataInspection', 'input_unreadable', false, 'INPUT_UNREADABLE'],
    [400, 'InvalidParameter', 'invalid_request', false, 'INVALID_SETTINGS'],
    [400, 'Arrearage', 'provider_account', false, 'INTERNAL'],
    [500, 'InternalError', 'provider_busy', true, 'PROVIDER_BUSY'],
    [503, 'ModelUnavailable', 'provider_busy', true, 'PROVIDER_BUSY'],
    [502, 'SomethingNew', 'provider_busy', true, 'PROVIDER_BUSY'],
    [418, 'SomethingNew', 'invalid_request', false, 'INVALID_SETTINGS'],
  ])('should classify %i %s', async (status, code, errorClass, retryable, generationCode) => {
    const { c } = client(() =>
      json({ code, message: 'no', request_id: 'r' }, status, { 'retry-after': '3' })
    )
    const error = await failure(c.generate(request))
    expect(error.errorClass).toBe(errorClass)
    expect(error.retryable).toBe(retryable)
    expect(error.generationErrorCode).toBe(generationCode)
    expect(error.retryAfterSeconds).toBe(3)
  })

  it('should read a Retry-After given as an HTTP date, as seconds from now', async () => {
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString()
    const { c } = client(() =>
      json({ code: 'Throttling', message: 'no', request_id: 'r' }, 429, {
        'retry-after': inTwoMinutes,
      })
    )
    const error = await failure(c.generate(request))
    expect(error.retryAfterSeconds).toBeGreaterThan(100)
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(120)
  })

  it('should call a 2xx without images malformed, and no answer ambiguous', async () => {
    expect((await failure(client(() => json({ output: {} })).c.generate(request))).errorClass).toBe(
      'malformed'
    )
    expect(
      (await failure(client(() => new Response('<html>')).c.generate(request))).errorClass
    ).toBe('malformed')
    expect(
      (await failure(client(() => json({ code: 'X', output: {} })).c.generate(request))).errorClass
    ).toBe('malformed')
    const gone = await failure(
      client(() => Promise.reject(new TypeError('reset'))).c.generate(request)
    )
    expect(gone.errorClass).toBe('ambiguous')
    expect(gone.retryable).toBe(true)
  })
})

describe('DashScope client: async tasks', () => {
  it('should create with the async header and read partial success', async () => {
    const { c, calls } = client((call) =>
      call.url.endsWith('/image-synthesis')
        ? json({ output: { task_status: 'PENDING', task_id: 't1' }, request_id: 'r' })
        : json({
            output: {
              task_id: 't1',
              task_status: 'SUCCEEDED',
              results: [{ url: 'u1' }, { code: 'InternalError.Timeout', message: 'x' }],
            },
            usage: { image_count: 1 },
          })
    )
    const created = await c.createTask({
      ...request,
      model: MODELS['qwen-image-plus'],
      references: [],
    })
    expect(created).toMatchObject({ taskId: 't1', status: 'PENDING' })
    expect(new Headers(calls[0]?.init.headers).get('x-dashscope-async')).toBe('enable')
    expect(JSON.parse(String(calls[0]?.init.body)).input).toEqual({ prompt: 'on marble' })
    const done = await c.getTask('t1')
    expect(done).toMatchObject({ status: 'SUCCEEDED', result: { urls: ['u1'], billed: 1 } })
  })

  it('should read FAILED and UNKNOWN tasks', async () => {
    const failed = await client(() =>
      json({
        output: { task_id: 't', task_status: 'FAILED', code: 'DataInspectionFailed', message: 'm' },
      })
    ).c.getTask('t')
    expect(failed).toMatchObject({
      status: 'FAILED',
      code: 'DataInspectionFailed',
      result: undefined,
    })
    const unknown = await client(() =>
      json({ output: { task_id: 't', task_status: 'UNKNOWN' } })
    ).c.getTask('t')
    expect(unknown.status).toBe('UNKNOWN')
  })
})

describe('result downloads', () => {
  it('should refuse hosts outside the allow-list and retry failed downloads', async () => {
    const { c, calls } = client(() => new Response('nope', { status: 503 }))
    expect((await failure(c.download('https://evil.example/x.png'))).errorClass).toBe('malformed')
    expect(calls).toHaveLength(0)
    const error = await failure(c.download('http://127.0.0.1:8790/results/x.png'))
    expect(error.retryable).toBe(true)
  })

  it('should refuse a result larger than any image it can be, by its header or as it streams', async () => {
    const small = createDashScopeClient({
      baseUrl: 'https://dashscope-intl.aliyuncs.com/api/v1',
      apiKey: 'sk-test',
      resultOrigins: ['http://127.0.0.1:8790'],
      maxResultBytes: 1000,
      fetch: fakeFetch((call) =>
        call.url.endsWith('/declared.png')
          ? new Response(new Uint8Array(10), { headers: { 'content-length': '5000' } })
          : new Response(
              new ReadableStream({
                pull(controller) {
                  controller.enqueue(new Uint8Array(400))
                },
              })
            )
      ).fn,
    })
    for (const name of ['declared', 'streamed']) {
      const error = await failure(small.download(`http://127.0.0.1:8790/${name}.png`))
      expect(error).toMatchObject({ errorClass: 'malformed', retryable: false })
    }
  })

  it.each([
    ['https://dashscope-result-sh.oss-cn-shanghai.aliyuncs.com/a.png?Expires=1', true],
    ['https://dashscope-7c2c.oss-cn-shanghai.aliyuncs.com/a.png', true],
    ['https://dashscope-a717.oss-accelerate.aliyuncs.com/a.png', true],
    ['https://someone-else.oss-cn-shanghai.aliyuncs.com/a.png', false],
    ['http://dashscope-result-sh.oss-cn-shanghai.aliyuncs.com/a.png', false],
    ['https://evil.com/?x=.oss-cn-x.aliyuncs.com', false],
    ['https://oss-cn-x.aliyuncs.com.evil.com/a.png', false],
    ['http://127.0.0.1:8790/results/a.png', true],
    ['http://127.0.0.1:8791/results/a.png', false],
    ['not a url', false],
  ])('should judge %s allowed: %s', (url, allowed) => {
    expect(isAllowedResultUrl(url, ['http://127.0.0.1:8790'])).toBe(allowed)
  })
})
