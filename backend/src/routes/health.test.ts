import { env } from 'cloudflare:workers'
import { healthSchema, readinessSchema } from '@app/shared-types'
import { describe, expect, it } from 'vitest'
import { call, errorBody } from '../../test/api.ts'
import { app } from '../index.ts'

const down = () => {
  throw new Error('down')
}
const brokenD1 = { prepare: down } as unknown as D1Database
const brokenR2 = { head: async () => down() } as unknown as R2Bucket

describe('GET /api/health', () => {
  it('should answer 200 with a request id', async () => {
    const res = await call('/api/health')
    expect(res.status).toBe(200)
    expect(healthSchema.parse(await res.json()).status).toBe('ok')
    expect(res.headers.get('x-request-id')).toMatch(/.+/)
  })
})

describe('GET /api/health/ready', () => {
  it('should answer 200 when D1 and R2 answer', async () => {
    const res = await call('/api/health/ready')
    expect(res.status).toBe(200)
    expect(readinessSchema.parse(await res.json()).checks).toEqual({ d1: 'ok', r2: 'ok' })
  })

  it.each([
    ['d1', { DB: brokenD1 }],
    ['r2', { BUCKET: brokenR2 }],
  ])('should answer 503 naming %s when it is down', async (part, broken) => {
    const res = await app.request('/api/health/ready', {}, { ...env, ...broken })
    expect(res.status).toBe(503)
    const error = await errorBody(res)
    expect(error.code).toBe('SERVICE_UNAVAILABLE')
    expect(error.details).toEqual([{ path: part, message: `${part} did not answer` }])
    expect(error.requestId).toBe(res.headers.get('x-request-id'))
  })
})
