import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env.ts'
import { ApiError } from '../lib/api-error.ts'
import { type AuthSession, authFor } from '../lib/auth.ts'
import { ensureWelcomeCredits } from '../services/credits.ts'

/** The environment of routes behind `requireSession`: the session is always there. */
export type AuthedEnv = AppEnv & { Variables: { session: AuthSession } }

/**
 * Lets only signed-in users through (401 `UNAUTHENTICATED` otherwise), and grants the welcome
 * credits if sign-up could not.
 */
export const requireSession = () =>
  createMiddleware<AuthedEnv>(async function requireSession(c, next) {
    const auth = authFor({ config: c.var.config, db: c.var.db, bucket: c.env.BUCKET })
    const session = await auth.api.getSession({ headers: c.req.raw.headers })
    if (!session) throw new ApiError('UNAUTHENTICATED', 'Sign in to continue')
    c.set('session', session)
    c.set('userId', session.user.id)
    await ensureWelcomeCredits(c.var.db, session.user.id)
    await next()
  })
