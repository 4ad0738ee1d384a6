import type { Generation } from '@app/shared-types'
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { generation, generationImage } from '../db/schema.ts'
import { ApiError } from '../lib/api-error.ts'
import { isDuplicateLedgerKey } from './credits.ts'
import { readGeneration } from './read-generations.ts'
import { refundStatements } from './refunds.ts'
import { currentVersion, tickSyncClock } from './sync-clock.ts'

/** Cancels a generation that is still `queued`, returning all its credits; repeating it is harmless. */
export const cancelGeneration = async (
  db: Db,
  userId: string,
  id: string,
  now = new Date()
): Promise<Generation> => {
  const before = await readGeneration(db, userId, id)
  if (before.status === 'canceled') return before
  if (before.status !== 'queued') {
    throw new ApiError(
      'CONFLICT',
      `Only a queued generation can be canceled; this one is ${before.status}`
    )
  }
  try {
    await db.batch([
      tickSyncClock(db, userId),
      db
        .update(generation)
        .set({
          status: 'canceled',
          refunded: sql`${generation.cost}`,
          finishedAt: now,
          updatedAt: now,
          version: currentVersion(userId),
        })
        .where(
          and(eq(generation.id, id), eq(generation.userId, userId), eq(generation.status, 'queued'))
        ),
      ...refundStatements(db, { id, userId, workflow: before.workflow, status: 'canceled' }, now),
    ])
  } catch (error) {
    // A concurrent cancel already refunded it (the refund key is unique): the state below says so.
    if (!isDuplicateLedgerKey(error)) throw error
  }
  const after = await readGeneration(db, userId, id)
  if (after.status !== 'canceled') {
    throw new ApiError(
      'CONFLICT',
      `Only a queued generation can be canceled; this one is ${after.status}`
    )
  }
  return after
}

/**
 * Deletes a generation: its R2 objects go, the row stays as a tombstone for sync. Credits spent
 * are not returned; a queued one is canceled (and refunded) first so no job works for nothing.
 */
export const deleteGeneration = async (
  deps: { db: Db; bucket: R2Bucket },
  userId: string,
  id: string,
  now = new Date()
): Promise<void> => {
  const existing = await readGeneration(deps.db, userId, id)
  if (existing.status === 'queued')
    await cancelGeneration(deps.db, userId, id, now).catch(() => undefined)
  const images = await deps.db
    .select({ key: generationImage.r2Key })
    .from(generationImage)
    .where(eq(generationImage.generationId, id))
  if (images.length > 0) await deps.bucket.delete(images.map((image) => image.key))
  await deps.db.batch([
    tickSyncClock(deps.db, userId),
    deps.db.delete(generationImage).where(eq(generationImage.generationId, id)),
    deps.db
      .update(generation)
      .set({ deletedAt: now, updatedAt: now, version: currentVersion(userId) })
      .where(
        and(eq(generation.id, id), eq(generation.userId, userId), isNull(generation.deletedAt))
      ),
  ])
}
