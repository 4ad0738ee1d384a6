import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Simulator } from './server.ts'
import {
  callSync,
  control,
  counters,
  type ErrorResponse,
  getTask,
  json,
  startTestSimulator,
  textBody,
} from './test-support.ts'

let sim: Simulator

beforeAll(async () => {
  sim = await startTestSimulator({ keys: { 'sk-sim': 'sg', 'sk-beijing': 'bj' } })
})
afterAll(() => sim.close())
beforeEach(() => control(sim, 'POST', 'reset'))

describe('auth (docs/dashscope.md §12.3)', () => {
  it.each([
    ['no header', null, undefined, 'No API-key provided.'],
    ['a malformed header', null, 'Basic c2stc2lt', 'No API-key provided.'],
    ['an empty bearer', null, 'Bearer ', 'No API-key provided.'],
    ['an unknown key', 'sk-nope', undefined, 'Invalid API-key provided.'],
    ['a key of the other region', 'sk-beijing', undefined, 'Invalid API-key provided.'],
  ])('should answer 401 InvalidApiKey to %s', async (_, key, header, message) => {
    const headers: Record<string, string> = header === undefined ? {} : { authorization: header }
    const response = await callSync(sim, textBody('a cat'), { key, headers })
    expect(response.status).toBe(401)
    const body = await json<ErrorResponse>(response)
    expect(body).toEqual({ request_id: expect.any(String), code: 'InvalidApiKey', message })
    expect(response.headers.get('x-request-id')).toBe(body.request_id)
    expect(response.headers.get('x-dashscope-simulator')).toBe('1')
  })

  it('should check auth before validating the body', async () => {
    const response = await callSync(sim, 'not json', { key: 'sk-nope' })
    expect(response.status).toBe(401)
  })

  it('should require auth on task queries', async () => {
    const response = await getTask(sim, 'whatever', null)
    expect(response.status).toBe(401)
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8')
  })

  it('should not count calls that fail auth as upstream calls', async () => {
    await callSync(sim, textBody('a cat'), { key: 'sk-nope' })
    const seen = await counters(sim)
    expect(seen.calls.sync).toBe(1)
    expect(seen.upstream_calls_by_fingerprint).toEqual({})
    expect(seen.responses_by_status).toEqual({ '401': 1 })
  })

  it('should accept a key of the configured region after a region switch', async () => {
    await control(sim, 'POST', 'config', { region: 'bj' })
    try {
      expect((await callSync(sim, textBody('a cat'), { key: 'sk-beijing' })).status).toBe(200)
      expect((await callSync(sim, textBody('a cat'))).status).toBe(401)
    } finally {
      await control(sim, 'POST', 'config', { region: 'sg' })
    }
  })
})

describe('unknown paths', () => {
  it('should answer 404 NotFound with a request id', async () => {
    const response = await fetch(`${sim.url}/api/v1/nope`)
    expect(response.status).toBe(404)
    const body = await json<ErrorResponse>(response)
    expect(body).toEqual({
      request_id: expect.any(String),
      code: 'NotFound',
      message: 'Not found.',
    })
    expect(response.headers.get('x-request-id')).toBe(body.request_id)
  })
})
