import { env } from 'cloudflare:workers'
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { requestId } from 'hono/request-id'
import { describe, expect, it } from 'vitest'
import { call, errorBody } from '../../test/api.ts'
import type { AppEnv } from '../env.ts'
import { app } from '../index.ts'
import { onError } from './api-error.ts'

describe('errors', () => {
  it('should answer an unknown API route with the NOT_FOUND envelope and the request id', async () => {
    const res = await call('/api/nope')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('application/json')
    const error = await errorBody(res)
    expect(error.code).toBe('NOT_FOUND')
    expect(error.requestId).toBe(res.headers.get('x-request-id'))
  })

  it('should answer a wrong method on a known path with an envelope too', async () => {
    const res = await call('/api/health', { method: 'DELETE' })
    expect(res.status).toBe(404)
    expect((await errorBody(res)).code).toBe('NOT_FOUND')
  })

  it('should keep a caller-supplied request id', async () => {
    const res = await call('/api/nope', { headers: { 'x-request-id': 'support-1234' } })
    expect(res.headers.get('x-request-id')).toBe('support-1234')
    expect((await errorBody(res)).requestId).toBe('support-1234')
  })

  it.each([
    ['BETTER_AUTH_SECRET', { BETTER_AUTH_SECRET: undefined }],
    ['BETTER_AUTH_SECRET', { BETTER_AUTH_SECRET: 'short' }],
    ['TRUSTED_ORIGINS', { TRUSTED_ORIGINS: 'not a url' }],
    ['AD_GRAPHIC_MODEL', { AD_GRAPHIC_MODEL: 'dall-e' }],
  ])('should name %s when the environment is bad', async (variable, override) => {
    const res = await app.request('/api/config', {}, { ...env, ...override })
    expect(res.status).toBe(500)
    const error = await errorBody(res)
    expect(error.code).toBe('SERVER_MISCONFIGURED')
    expect(error.message).toContain(variable)
    expect(error.details?.map((d) => d.path)).toEqual([variable])
  })

  it('should never leak a stack trace or message of an unexpected error', async () => {
    const boom = new Hono<AppEnv>().use(requestId()).get('/boom', () => {
      throw new Error('secret detail')
    })
    boom.onError(onError)
    const res = await boom.request('/boom')
    const text = await res.text()
    expect(res.status).toBe(500)
    expect(text).not.toContain('secret detail')
    expect(text).not.toMatch(/at .+\.ts/)
    expect(JSON.parse(text).error.code).toBe('INTERNAL')
  })

  it('should give errors raised by Hono itself a shared code', async () => {
    const limited = new Hono<AppEnv>().use(requestId()).post('/upload', () => {
      throw new HTTPException(413, { message: 'too big' })
    })
    limited.onError(onError)
    const res = await limited.request('/upload', { method: 'POST' })
    expect(res.status).toBe(413)
    expect((await errorBody(res)).code).toBe('PAYLOAD_TOO_LARGE')
  })
})
