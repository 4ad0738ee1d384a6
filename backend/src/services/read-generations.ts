import type { Generation, GenerationListQuery, GenerationPage } from '@app/shared-types'
import { and, desc, eq, inArray, isNull, lt, or } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { generation, generationImage } from '../db/schema.ts'
import { ApiError } from '../lib/api-error.ts'
import { decodeCursor, encodeCursor } from '../lib/cursor.ts'
import { type ReadPlan, readPlan, runPlan, type UserIdRef } from '../lib/read-plan.ts'
import { toGenerationResource } from './generation-resource.ts'

type Row = typeof generation.$inferSelect
type ImageRow = typeof generationImage.$inferSelect

/** Rows as resources with their images; grouped first, since a sync page has a thousand rows. */
export const toResources = (rows: readonly Row[], images: readonly ImageRow[]): Generation[] => {
  const byGeneration = new Map<string, ImageRow[]>()
  for (const image of images) {
    byGeneration.set(image.generationId, [...(byGeneration.get(image.generationId) ?? []), image])
  }
  return rows.map((row) => toGenerationResource(row, byGeneration.get(row.id) ?? []))
}

/** One of the user's own generations; `NOT_FOUND` for anyone else's or a deleted one. */
export const readGenerationPlan = (db: Db, userId: UserIdRef, id: string): ReadPlan<Generation> =>
  readPlan(
    [
      db
        .select()
        .from(generation)
        .where(
          and(eq(generation.id, id), eq(generation.userId, userId), isNull(generation.deletedAt))
        ),
      // Read alongside the row; they are only used when the row is the user's.
      db.select().from(generationImage).where(eq(generationImage.generationId, id)),
    ],
    ([rows, images]) => {
      const [resource] = toResources(rows, images)
      if (!resource) throw new ApiError('NOT_FOUND', 'No such generation')
      return resource
    }
  )

/** `readGenerationPlan`, run on its own. */
export const readGeneration = (db: Db, userId: string, id: string): Promise<Generation> =>
  runPlan(db, readGenerationPlan(db, userId, id))

/** The user's generations, newest first, optionally filtered, in pages. */
export const listGenerationsPlan = (
  db: Db,
  userId: UserIdRef,
  query: GenerationListQuery
): ReadPlan<GenerationPage> => {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined
  const matching = and(
    eq(generation.userId, userId),
    isNull(generation.deletedAt),
    query.workflow ? eq(generation.workflow, query.workflow) : undefined,
    query.status ? eq(generation.status, query.status) : undefined,
    after
      ? or(
          lt(generation.createdAt, new Date(after.time)),
          and(eq(generation.createdAt, new Date(after.time)), lt(generation.id, after.id))
        )
      : undefined
  )
  const newestFirst = [desc(generation.createdAt), desc(generation.id)] as const
  const pageIds = db
    .select({ id: generation.id })
    .from(generation)
    .where(matching)
    .orderBy(...newestFirst)
    .limit(query.limit)
  // One round trip to D1: the page's images are read by the same filter, not after the rows.
  return readPlan(
    [
      db
        .select()
        .from(generation)
        .where(matching)
        .orderBy(...newestFirst)
        .limit(query.limit + 1),
      db.select().from(generationImage).where(inArray(generationImage.generationId, pageIds)),
    ],
    ([rows, images]) => {
      const page = rows.slice(0, query.limit)
      const last = page.at(-1)
      return {
        items: toResources(page, images),
        nextCursor:
          rows.length > query.limit && last
            ? encodeCursor({ time: last.createdAt.getTime(), id: last.id })
            : null,
      }
    }
  )
}
