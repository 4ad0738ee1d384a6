import type { SQLWrapper } from 'drizzle-orm'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env.ts'
import { ApiError } from '../lib/api-error.ts'
import { type AuthSession, authFor } from '../lib/auth.ts'
import type { ReadPlan } from '../lib/read-plan.ts'
import { isRemembered, sessionTokenOf } from '../lib/session-cookie.ts'
import { isDueForRefresh, readWithSession } from '../services/session-batch.ts'
import { ensureWelcomeCredits } from '../services/welcome-credits.ts'

/** Runs a service's read plan as the signed-in user, in the session check's round trip. */
export type ReadAsUser = <T>(
  plan: (userId: SQLWrapper) => ReadPlan<T>
) => Promise<{ session: AuthSession; result: T }>

/** The environment of reads behind `sessionRead`. */
export type SessionReadEnv = AppEnv & { Variables: { readAsUser: ReadAsUser } }

const unauthenticated = () => new ApiError('UNAUTHENTICATED', 'Sign in to continue')

/**
 * `requireSession` for reads, in one D1 round trip instead of two: the session cookie's signature
 * is checked here without D1, and the handler's `readAsUser` sends the session check and the
 * data reads in one batch (services/session-batch.ts). Revocation still takes effect at once,
 * since every request reads the session row. When better-auth would extend the session
 * (once a day per session; never one signed in without "remember me"), its own `getSession` runs
 * after the batch and does the extending, as it did when it checked every request.
 * Welcome credits are settled as `requireSession` settles them; when that grants credits (once per
 * user, and only for a user this isolate has not settled), the reads run again.
 */
export const sessionRead = () =>
  createMiddleware<SessionReadEnv>(async function sessionRead(c, next) {
    const { config, db } = c.var
    const auth = authFor({ config, db, bucket: c.env.BUCKET })
    const token = await sessionTokenOf(c, auth)
    if (!token) throw unauthenticated()
    const betterAuthSession = () => auth.api.getSession({ headers: c.req.raw.headers })
    let checked = false
    c.set('readAsUser', async (plan) => {
      checked = true
      const key = { token, now: new Date() }
      const read = await readWithSession(db, key, plan)
      if (!read) throw unauthenticated()
      const { sessionConfig } = await auth.$context
      const due = isDueForRefresh(read.found.session.expiresAt, sessionConfig, key.now)
      const session = due && (await isRemembered(c, auth)) ? await betterAuthSession() : read.found
      if (!session) throw unauthenticated()
      c.set('userId', session.user.id)
      if (!(await ensureWelcomeCredits(db, config.emailHashSecret, session.user))) {
        return { session, result: read.result }
      }
      const again = await readWithSession(db, { token, now: new Date() }, plan)
      if (!again) throw unauthenticated()
      return { session, result: again.result }
    })
    await next()
    // A request answered without its read (an invalid query) still answers 401 to a dead session.
    if (!checked && !(await betterAuthSession())) throw unauthenticated()
  })
