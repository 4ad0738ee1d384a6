import { TOMBSTONE_RETENTION_DAYS } from '@app/shared-types'

/**
 * Drops the tombstones of generations deleted more than 31 days ago and records, per user, the
 * newest version dropped, so a client whose cursor is older is told to reset rather than silently
 * missing a deletion. Both in one batch. Returns how many tombstones went.
 */
export const purgeTombstones = async (d1: D1Database, now = new Date()): Promise<number> => {
  const cutoff = now.getTime() - TOMBSTONE_RETENTION_DAYS * 24 * 60 * 60 * 1000
  const [, deleted] = await d1.batch([
    d1
      .prepare(
        `UPDATE sync_state
            SET purged_through = MAX(purged_through, (
                  SELECT MAX(version) FROM generation
                   WHERE generation.user_id = sync_state.user_id AND deleted_at < ?1))
          WHERE user_id IN (SELECT user_id FROM generation WHERE deleted_at < ?1)`
      )
      .bind(cutoff),
    d1.prepare('DELETE FROM generation WHERE deleted_at < ?1').bind(cutoff),
  ])
  return deleted?.meta.changes ?? 0
}
