import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { generation } from '../db/schema.ts'
import { currentVersion, tickSyncClock } from '../services/sync-clock.ts'

type Row = typeof generation.$inferSelect

/**
 * A job's hold on one generation. `token` is the number of the claim (the row's `attempts` right
 * after it): every write the job makes checks it, so once the sweeper has taken the generation
 * back, a job that was only presumed dead can change nothing.
 */
export type Lease = { id: string; userId: string; token: number; leaseMs: number }

/** Thrown when a write finds the generation no longer held by this job. */
export class LeaseLost extends Error {
  constructor() {
    super('The generation was taken back from this job')
    this.name = 'LeaseLost'
  }
}

/** The condition of every write a job makes while it holds its lease. */
export const held = (lease: Lease) =>
  and(
    eq(generation.id, lease.id),
    eq(generation.status, 'running'),
    eq(generation.attempts, lease.token)
  )

const until = (now: Date, ms: number) => new Date(now.getTime() + ms)

/**
 * Claims a queued generation (`queued` → `running`, so a second message does nothing) with a lease
 * of `leaseMs`. Returns the claimed row, or `undefined` when another job has it or it is finished.
 */
export const claim = async (
  db: Db,
  row: Row,
  now: Date,
  leaseMs: number
): Promise<{ row: Row; lease: Lease } | undefined> => {
  const [, claimed] = await db.batch([
    tickSyncClock(db, row.userId),
    db
      .update(generation)
      .set({
        status: 'running',
        startedAt: row.startedAt ?? now,
        updatedAt: now,
        attempts: sql`${generation.attempts} + 1`,
        leaseExpiresAt: until(now, leaseMs),
        version: currentVersion(row.userId),
      })
      .where(and(eq(generation.id, row.id), eq(generation.status, 'queued')))
      .returning(),
  ])
  const [fresh] = claimed
  if (!fresh) return undefined
  return {
    row: fresh,
    lease: { id: fresh.id, userId: fresh.userId, token: fresh.attempts, leaseMs },
  }
}

/** Moves the lease's end forward; `false` when the job no longer holds the generation. */
export const renewLease = async (db: Db, lease: Lease, now = new Date()): Promise<boolean> => {
  const result = await db
    .update(generation)
    .set({ leaseExpiresAt: until(now, lease.leaseMs) })
    .where(held(lease))
  return result.meta.changes === 1
}

/**
 * Renews the lease every third of its length while the job runs. `onLost` fires when the job no
 * longer holds the generation, or could not renew in time (the sweeper may then take it back).
 * Returns the function that stops it.
 */
export const startHeartbeat = (db: Db, lease: Lease, onLost: () => void) => {
  let renewedAt = Date.now()
  const timer = setInterval(async () => {
    try {
      if (await renewLease(db, lease)) renewedAt = Date.now()
      else onLost()
    } catch {
      // A D1 blip: the next beat tries again, unless the lease has run out meanwhile.
      if (Date.now() - renewedAt >= lease.leaseMs) onLost()
    }
  }, lease.leaseMs / 3)
  return () => clearInterval(timer)
}
