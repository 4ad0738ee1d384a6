import type { Generation } from '@app/shared-types'
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { generation, generationImage } from '../db/schema.ts'
import { ApiError } from '../lib/api-error.ts'
import { deletePrefix } from '../lib/delete-prefix.ts'
import { isDuplicateLedgerKey } from './credits.ts'
import { generationPrefix } from './generation-resource.ts'
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
 * Deletes a generation: the row becomes a tombstone for sync first, then every R2 object under the
 * generation's prefix goes (including any a running job wrote before its rows), so nothing is
 * left whatever step fails. Repeating it finishes what a failed one left. Credits spent are not
 * returned; a queued one is canceled (and refunded) first so no job works for nothing.
 */
export const deleteGeneration = async (
  deps: { db: Db; bucket: R2Bucket },
  userId: string,
  id: string,
  now = new Date()
): Promise<void> => {
  const [existing] = await deps.db
    .select({ status: generation.status, deletedAt: generation.deletedAt })
    .from(generation)
    .where(and(eq(generation.id, id), eq(generation.userId, userId)))
  if (!existing) throw new ApiError('NOT_FOUND', 'No such generation')
  if (existing.status === 'queued' && !existing.deletedAt) {
    try {
      await cancelGeneration(deps.db, userId, id, now)
    } catch (error) {
      // A job claimed it meanwhile: it is deleted as a started one. Any other error stops here,
      // before the tombstone, so the refund is not lost.
      if (!(error instanceof ApiError && error.code === 'CONFLICT')) throw error
    }
  }
  if (!existing.deletedAt) {
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
  await deletePrefix(deps.bucket, generationPrefix(userId, id))
}
