import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env.ts'
import { ApiError } from '../lib/api-error.ts'
import { type AuthSession, authFor } from '../lib/auth.ts'
import { ensureWelcomeCredits } from '../services/welcome-credits.ts'

/** The environment of routes behind `requireSession`: the session is always there. */
export type AuthedEnv = AppEnv & { Variables: { session: AuthSession } }

/**
 * Lets only signed-in users through (401 `UNAUTHENTICATED` otherwise), and settles the welcome
 * grant of a verified user if verification could not (services/welcome-credits.ts).
 */
export const requireSession = () =>
  createMiddleware<AuthedEnv>(async function requireSession(c, next) {
    const auth = authFor({ config: c.var.config, db: c.var.db, bucket: c.env.BUCKET })
    const session = await auth.api.getSession({ headers: c.req.raw.headers })
    if (!session) throw new ApiError('UNAUTHENTICATED', 'Sign in to continue')
    c.set('session', session)
    c.set('userId', session.user.id)
    await ensureWelcomeCredits(c.var.db, c.var.config.emailHashSecret, session.user)
    await next()
  })

/**
 * Refuses users whose email is not verified (403 `EMAIL_NOT_VERIFIED`): spending credits needs a
 * verified address, so throwaway addresses cannot spend. Runs before the body is read, so a
 * refused upload writes nothing.
 */
export const requireVerifiedEmail = () =>
  createMiddleware<AuthedEnv>(async function requireVerifiedEmail(c, next) {
    if (!c.var.session.user.emailVerified) {
      throw new ApiError(
        'EMAIL_NOT_VERIFIED',
        'Verify your email address before spending credits. Ask for a new link if you lost it.'
      )
    }
    await next()
  })
