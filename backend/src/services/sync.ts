import { SYNC_PAGE_SIZE, type SyncChange, type SyncPage } from '@app/shared-types'
import { and, asc, eq, gt, inArray } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { generation, generationImage, syncState } from '../db/schema.ts'
import { type ReadPlan, readPlan, type UserIdRef } from '../lib/read-plan.ts'
import { balancesQuery, toBalances } from './credits.ts'
import { toResources } from './read-generations.ts'

/**
 * The changes to the user's generations after `cursor` (tombstones for deleted ones), oldest
 * first, at most one page. Reads the index on (user, version), so a pull with nothing new costs
 * the same whatever the size of the history. A cursor older than the dropped tombstones resets.
 */
export const pullChangesPlan = (db: Db, userId: UserIdRef, cursor: number): ReadPlan<SyncPage> => {
  const changed = and(eq(generation.userId, userId), gt(generation.version, cursor))
  const pageIds = db
    .select({ id: generation.id })
    .from(generation)
    .where(changed)
    .orderBy(asc(generation.version))
    .limit(SYNC_PAGE_SIZE)
  // One round trip to D1: the page's images are read by the same filter, not after the rows.
  return readPlan(
    [
      db.select().from(syncState).where(eq(syncState.userId, userId)),
      balancesQuery(db, userId),
      db
        .select()
        .from(generation)
        .where(changed)
        .orderBy(asc(generation.version))
        .limit(SYNC_PAGE_SIZE + 1),
      db.select().from(generationImage).where(inArray(generationImage.generationId, pageIds)),
    ],
    ([states, balanceRows, rows, images]) => {
      const balances = toBalances(balanceRows)
      const purged = states[0]?.purgedThrough ?? 0
      if (cursor > 0 && cursor < purged) {
        return { changes: [], cursor: 0, hasMore: true, reset: true, balances }
      }
      const page = rows.slice(0, SYNC_PAGE_SIZE)
      const live = toResources(
        page.filter((row) => !row.deletedAt),
        images
      )
      const byId = new Map(live.map((g) => [g.id, g]))
      const changes: SyncChange[] = page.map((row) => {
        const upsert = byId.get(row.id)
        return row.deletedAt || !upsert
          ? { type: 'delete', id: row.id, version: row.version }
          : { type: 'upsert', generation: upsert }
      })
      return {
        changes,
        cursor: page.at(-1)?.version ?? Math.max(cursor, 0),
        hasMore: rows.length > SYNC_PAGE_SIZE,
        reset: false,
        balances,
      }
    }
  )
}
