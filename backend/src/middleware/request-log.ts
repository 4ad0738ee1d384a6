import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env.ts'

/** One structured JSON line per request, written after the response is ready. */
export const requestLog = () =>
  createMiddleware<AppEnv>(async function requestLog(c, next) {
    const started = performance.now()
    await next()
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
      })
    )
  })
