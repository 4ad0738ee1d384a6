import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env.ts'
import { ApiError } from '../lib/api-error.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses state-changing requests whose `Origin` is not in `TRUSTED_ORIGINS` (403), so another
 * site cannot spend a signed-in user's credits with their cookie. Browsers always send `Origin`
 * on such requests; a request without one is refused too.
 */
export const trustedOrigin = () =>
  createMiddleware<AppEnv>(async function trustedOrigin(c, next) {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin')
      if (!origin || !c.var.config.trustedOrigins.includes(origin)) {
        throw new ApiError('FORBIDDEN', 'This origin may not change data here')
      }
    }
    await next()
  })
