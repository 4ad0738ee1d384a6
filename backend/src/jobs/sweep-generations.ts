import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { generation } from '../db/schema.ts'
import type { GenerationJob } from '../services/create-generation.ts'
import { currentVersion, tickSyncClock } from '../services/sync-clock.ts'

/** What the sweeper needs. */
export type SweepDeps = {
  db: Db
  queue: Queue<GenerationJob>
  /** The lease a job holds, and how long a sent message has to claim its generation. */
  leaseMs: number
  now?: Date
  /** Generations looked at per run; the next run takes the rest. */
  limit?: number
}

const overdue = (now: Date) =>
  or(isNull(generation.leaseExpiresAt), lt(generation.leaseExpiresAt, now))

/**
 * Finds every generation that should be moving but is not: `queued` with no message that claimed
 * it in time (its `queue.send` failed, or the local queue was lost in a crash), and `running` with
 * a lease no heartbeat renewed (its job died). Each is sent to the queue again; a running one is
 * first put back to `queued`, so the next claim (a new token) takes over and the old job, if it
 * still lives, can change nothing. The claim makes a duplicate message harmless.
 */
export const sweepGenerations = async (deps: SweepDeps) => {
  const now = deps.now ?? new Date()
  const stale = await deps.db
    .select({ id: generation.id, userId: generation.userId, status: generation.status })
    .from(generation)
    .where(and(inArray(generation.status, ['queued', 'running']), overdue(now)))
    .limit(deps.limit ?? 100)
  let sent = 0
  for (const row of stale) {
    const next = new Date(now.getTime() + deps.leaseMs)
    const mine = and(eq(generation.id, row.id), eq(generation.status, row.status), overdue(now))
    const taken =
      row.status === 'running'
        ? (
            await deps.db.batch([
              tickSyncClock(deps.db, row.userId),
              deps.db
                .update(generation)
                .set({
                  status: 'queued',
                  leaseExpiresAt: next,
                  updatedAt: now,
                  version: currentVersion(row.userId),
                })
                .where(mine),
            ])
          )[1]
        : await deps.db.update(generation).set({ leaseExpiresAt: next }).where(mine)
    if (taken.meta.changes !== 1) continue
    try {
      await deps.queue.send({ generationId: row.id })
      sent += 1
    } catch (error) {
      // The next run a lease from now tries again.
      console.error(
        JSON.stringify({
          level: 'error',
          msg: 'sweeper send failed',
          id: row.id,
          error: String(error),
        })
      )
    }
  }
  return { stale: stale.length, sent }
}
