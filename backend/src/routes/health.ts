import { healthSchema, type Readiness, readinessSchema } from '@app/shared-types'
import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'
import { ApiError } from '../lib/api-error.ts'
import type { RouteDoc } from '../openapi/route-doc.ts'
import { checkReadiness } from '../services/readiness.ts'

/** Liveness and readiness probes. */
export const health = new Hono<AppEnv>()
  .get('/', (c) => c.json({ status: 'ok' as const, time: new Date().toISOString() }))
  .get('/ready', async (c) => {
    const failed = await checkReadiness({ d1: c.env.DB, bucket: c.env.BUCKET })
    if (failed.length > 0) {
      throw new ApiError('SERVICE_UNAVAILABLE', `Not ready: ${failed.join(', ')} unavailable`, {
        details: failed.map((part) => ({ path: part, message: `${part} did not answer` })),
      })
    }
    const body: Readiness = { status: 'ready', checks: { d1: 'ok', r2: 'ok' } }
    return c.json(body)
  })

export const healthDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Liveness: the Worker answers',
    tag: 'health',
    responses: { 200: { description: 'Alive', schema: healthSchema } },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/health/ready',
    summary: 'Readiness: D1 and R2 answer',
    tag: 'health',
    responses: { 200: { description: 'Ready', schema: readinessSchema } },
    errors: ['SERVICE_UNAVAILABLE', 'SERVER_MISCONFIGURED'],
  },
]
