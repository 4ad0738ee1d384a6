import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { generation, generationImage } from '../../db/schema.ts'
import { ApiError } from '../../lib/api-error.ts'
import { readPlan, type UserIdRef } from '../../lib/read-plan.ts'
import type { ReadAsUser } from '../../middleware/session-read.ts'

type ImageTarget = { id: string; index: number; kind: 'output' | 'reference' }

/** Where the owner's image is stored, as a plan that shares the session check's round trip. */
const storedImagePlan = (db: Db, userId: UserIdRef, target: ImageTarget) =>
  readPlan(
    [
      db
        .select({ key: generationImage.r2Key, contentType: generationImage.contentType })
        .from(generationImage)
        .innerJoin(generation, eq(generation.id, generationImage.generationId))
        .where(
          and(
            eq(generationImage.generationId, target.id),
            eq(generationImage.kind, target.kind),
            eq(generationImage.index, target.index),
            eq(generation.userId, userId),
            isNull(generation.deletedAt)
          )
        ),
    ],
    ([rows]) => rows[0]
  )

/**
 * Streams one stored image to its owner. Anyone else, and any deleted generation, gets the same
 * 404 as a missing one, so ids reveal nothing. The browser's HTTP cache must not keep it: sign-out
 * cannot empty that cache, and the ids stay in the browser's history on a shared device. Offline
 * viewing comes from the service worker's image cache, which sign-out does empty.
 */
export const serveImage = async (
  deps: { db: Db; bucket: R2Bucket; readAsUser: ReadAsUser; request: Request },
  target: ImageTarget
) => {
  const { result: row } = await deps.readAsUser((userId) =>
    storedImagePlan(deps.db, userId, target)
  )
  const notFound = new ApiError('NOT_FOUND', 'No such image')
  if (!row) throw notFound
  const headers = new Headers({
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Type': row.contentType,
  })
  const object = await deps.bucket.get(row.key, { onlyIf: deps.request.headers })
  if (!object) throw notFound
  headers.set('ETag', object.httpEtag)
  if (!('body' in object)) return new Response(null, { status: 304, headers })
  return new Response(object.body, { status: 200, headers })
}
