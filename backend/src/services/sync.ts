import type { SyncChange, SyncPage, SyncQuery } from '@app/shared-types'
import { and, asc, count, eq, gt, inArray } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { generation, generationImage, syncState } from '../db/schema.ts'
import { type ReadPlan, readPlan, type UserIdRef } from '../lib/read-plan.ts'
import { balancesQuery, toBalances } from './credits.ts'
import { toResources } from './read-generations.ts'

/**
 * The changes to the user's generations after `cursor` (tombstones for deleted ones), oldest
 * first, at most `limit` of them, and how many more follow. Reads the index on (user, version), so
 * a pull with nothing new costs the same whatever the size of the history. A cursor older than the
 * dropped tombstones resets.
 */
export const pullChangesPlan = (
  db: Db,
  userId: UserIdRef,
  { cursor, limit }: SyncQuery
): ReadPlan<SyncPage> => {
  const after = and(eq(generation.userId, userId), gt(generation.version, cursor))
  const pageIds = db
    .select({ id: generation.id })
    .from(generation)
    .where(after)
    .orderBy(asc(generation.version))
    .limit(limit)
  // One round trip to D1 for every read. The images are selected by the page's own query rather
  // than by a list of ids: D1 binds at most 100 parameters, and a catch-up page has 1,000 rows.
  return readPlan(
    [
      db.select().from(syncState).where(eq(syncState.userId, userId)),
      balancesQuery(db, userId),
      db
        .select()
        .from(generation)
        .where(after)
        .orderBy(asc(generation.version))
        .limit(limit + 1),
      db.select().from(generationImage).where(inArray(generationImage.generationId, pageIds)),
      db.select({ n: count() }).from(generation).where(after),
    ],
    ([states, balanceRows, rows, images, [total]]) => {
      const balances = toBalances(balanceRows)
      const purged = states[0]?.purgedThrough ?? 0
      if (cursor > 0 && cursor < purged) {
        return { changes: [], cursor: 0, hasMore: true, remaining: 0, reset: true, balances }
      }
      const page = rows.slice(0, limit)
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
        hasMore: rows.length > limit,
        remaining: Math.max(0, (total?.n ?? 0) - page.length),
        reset: false,
        balances,
      }
    }
  )
}
