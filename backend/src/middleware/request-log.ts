import { createMiddleware } from 'hono/factory'
import { countD1Trips } from '../db/d1-trips.ts'
import type { AppEnv } from '../env.ts'

/**
 * One structured JSON line per request, written after the response is ready, with the D1 round
 * trips it made (`d1Trips`; the bench reads them, bench/d1-trips.mjs).
 */
export const requestLog = () =>
  createMiddleware<AppEnv>(async function requestLog(c, next) {
    const started = performance.now()
    const d1Trips = await countD1Trips(next)
    console.log(
      JSON.stringify({
        level: 'info',
        msg: 'request',
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        requestId: c.get('requestId'),
        userId: c.get('userId'),
        d1Trips,
      })
    )
  })
