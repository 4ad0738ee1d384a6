import { and, eq, gt, type SQLWrapper } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { session, user } from '../db/schema.ts'
import type { ReadPlan } from '../lib/read-plan.ts'

/** The token of a verified session cookie, and the time the request reads at. */
export type SessionKey = { token: string; now: Date }

const live = ({ token, now }: SessionKey) =>
  and(eq(session.token, token), gt(session.expiresAt, now))

/** The session row and its user, as the session check reads them. */
export type SessionWithUser = {
  session: typeof session.$inferSelect
  user: typeof user.$inferSelect
}

/**
 * Runs the session check and the plan's reads in one D1 batch. The reads take the user id from
 * the session row inside the batch, so a revoked or expired session yields no data, and D1 runs a
 * batch as one transaction, so the check and the data agree. Undefined when there is no live
 * session; the plan is then never finished (its NOT_FOUND would hide the 401).
 */
export const readWithSession = async <T>(
  db: Db,
  key: SessionKey,
  plan: (userId: SQLWrapper) => ReadPlan<T>
): Promise<{ found: SessionWithUser; result: T } | undefined> => {
  const userId = db.select({ id: session.userId }).from(session).where(live(key))
  const { queries, finish } = plan(userId)
  // Two reads rather than a join: D1's batch answers rows as objects keyed by column name, so the
  // session's and the user's columns of the same name would overwrite each other.
  const [sessions, users, ...results] = await db.batch([
    db.select().from(session).where(live(key)),
    db.select().from(user).where(eq(user.id, userId)),
    ...queries,
  ])
  const [found, owner] = [sessions[0], users[0]]
  return found && owner
    ? { found: { session: found, user: owner }, result: finish(results) }
    : undefined
}

/**
 * Whether better-auth would extend this session now (it does once `updateAge` has passed since
 * the last extension); the fast path then hands the request to better-auth's own session check.
 */
export const isDueForRefresh = (
  expiresAt: Date,
  config: { expiresIn: number; updateAge: number },
  now: Date
): boolean =>
  expiresAt.getTime() - config.expiresIn * 1000 + config.updateAge * 1000 <= now.getTime()
