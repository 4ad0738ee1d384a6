import type { GenerationErrorCode, Workflow } from '@app/shared-types'
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core'
import type { Db } from '../db/client.ts'
import { generation, generationImage } from '../db/schema.ts'
import { refundStatements } from '../services/refunds.ts'
import { currentVersion, tickSyncClock } from '../services/sync-clock.ts'
import { held, type Lease } from './job-lease.ts'
import type { ProviderAnswer } from './provider-call.ts'
import type { StoredOutput } from './store-outputs.ts'

/** The generation as the job's end needs it. */
export type Ending = { lease: Lease; workflow: Workflow; cost: number }

// Short, user-safe texts; the PWA shows its own words chosen by the code.
const USER_MESSAGES: Record<GenerationErrorCode, string> = {
  CONTENT_REFUSED: 'The image service declined this request.',
  INPUT_UNREADABLE: 'The image service could not read one of the photos.',
  INVALID_SETTINGS: 'The image service rejected these settings.',
  PROVIDER_BUSY: 'The image service is busy.',
  INTERNAL: 'Something went wrong on our side.',
}

const refundOf = (db: Db, end: Ending, status: 'failed' | 'succeeded', now: Date) =>
  refundStatements(
    db,
    {
      id: end.lease.id,
      userId: end.lease.userId,
      workflow: end.workflow,
      status,
      token: end.lease.token,
    },
    now
  )

/**
 * The one write of a job's end: moves the generation this job still holds (`held`) to its next
 * state, stamped with the time and the user's sync version. It goes in a batch after
 * `tickSyncClock`, so the devices see the change on their next pull.
 */
const moveHeld = (
  db: Db,
  end: Ending,
  now: Date,
  set: Omit<SQLiteUpdateSetSource<typeof generation>, 'updatedAt' | 'version'>
) =>
  db
    .update(generation)
    .set({ ...set, updatedAt: now, version: currentVersion(end.lease.userId) })
    .where(held(end.lease))

/** One output's row, written only if this job's move to `succeeded` happened and it is not deleted. */
const outputRow = (db: Db, end: Ending, s: StoredOutput, now: Date) =>
  db.insert(generationImage).select(
    db
      .select({
        id: sql`${crypto.randomUUID()}`.as('id'),
        generationId: generation.id,
        userId: generation.userId,
        kind: sql`'output'`.as('kind'),
        index: sql`${s.index}`.as('idx'),
        r2Key: sql`${s.key}`.as('r2_key'),
        contentType: sql`${s.contentType}`.as('content_type'),
        width: sql`${s.width}`.as('width'),
        height: sql`${s.height}`.as('height'),
        bytes: sql`${s.bytes}`.as('bytes'),
        createdAt: sql`${now.getTime()}`.as('created_at'),
      })
      .from(generation)
      .where(
        and(
          eq(generation.id, end.lease.id),
          eq(generation.status, 'succeeded'),
          eq(generation.attempts, end.lease.token),
          isNull(generation.deletedAt)
        )
      )
  )

/**
 * Marks the generation `succeeded` with the stored outputs, refunding the images not delivered,
 * in one batch. Returns whether the outputs were kept: not when the job no longer held the
 * generation, or when it was deleted meanwhile (its credits stay spent, its images go).
 */
export const finish = async (
  db: Db,
  end: Ending,
  answer: ProviderAnswer,
  stored: StoredOutput[],
  now: Date
): Promise<'kept' | 'deleted' | 'lost'> => {
  const [, updated] = await db.batch([
    tickSyncClock(db, end.lease.userId),
    moveHeld(db, end, now, {
      status: 'succeeded',
      refunded: end.cost - stored.length,
      simulated: answer.simulated,
      providerRequestId: answer.requestId ?? null,
      finishedAt: now,
      leaseExpiresAt: null,
    }).returning({ deletedAt: generation.deletedAt }),
    ...stored.map((s) => outputRow(db, end, s, now)),
    ...refundOf(db, end, 'succeeded', now),
  ])
  const [row] = updated
  if (!row) return 'lost'
  return row.deletedAt ? 'deleted' : 'kept'
}

/** Marks the generation `failed` with a user-safe message and refunds it, once. */
export const fail = async (db: Db, end: Ending, code: GenerationErrorCode, now: Date) => {
  await db.batch([
    tickSyncClock(db, end.lease.userId),
    moveHeld(db, end, now, {
      status: 'failed',
      refunded: end.cost,
      errorCode: code,
      errorMessage: USER_MESSAGES[code],
      finishedAt: now,
      leaseExpiresAt: null,
    }),
    ...refundOf(db, end, 'failed', now),
  ])
}

/**
 * Puts the generation back in the queue for another try after `delayMs`; the sweeper sends it
 * again if no message has claimed it a lease after that.
 */
export const requeue = (db: Db, end: Ending, delayMs: number, now: Date) =>
  db.batch([
    tickSyncClock(db, end.lease.userId),
    moveHeld(db, end, now, {
      status: 'queued',
      leaseExpiresAt: new Date(now.getTime() + delayMs + end.lease.leaseMs),
    }),
  ])
