import type { Generation, GenerationErrorCode, GenerationParams } from '@app/shared-types'
import type { generation, generationImage } from '../db/schema.ts'

type GenerationRow = typeof generation.$inferSelect
type ImageRow = typeof generationImage.$inferSelect

const iso = (date: Date | null) => (date ? date.toISOString() : null)

/** The URL an owner reads one stored image at. */
export const imageUrl = (generationId: string, kind: 'output' | 'reference', index: number) =>
  `/api/generations/${generationId}/${kind === 'output' ? 'images' : 'references'}/${index}`

/** A generation row and its image rows as the API shows them. */
export const toGenerationResource = (row: GenerationRow, images: ImageRow[]): Generation => {
  const of = (kind: 'output' | 'reference') =>
    images
      .filter((image) => image.kind === kind)
      .sort((a, b) => a.index - b.index)
      .map((image) => ({
        index: image.index,
        url: imageUrl(row.id, kind, image.index),
        contentType: image.contentType,
        width: image.width,
        height: image.height,
        bytes: image.bytes,
      }))
  return {
    id: row.id,
    workflow: row.workflow,
    status: row.status,
    model: row.model as Generation['model'],
    params: row.params as GenerationParams,
    images: of('output'),
    references: of('reference'),
    error:
      row.errorCode && row.errorMessage
        ? { code: row.errorCode as GenerationErrorCode, message: row.errorMessage }
        : null,
    cost: row.cost,
    refunded: row.refunded,
    simulated: row.simulated,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  }
}

/**
 * The R2 key of one stored image. `writer` names who wrote it (the upload, or the job's claim), so
 * two writers racing for one generation never share a key, and the loser deletes only its own.
 */
export const imageKey = (
  userId: string,
  generationId: string,
  kind: 'output' | 'reference',
  index: number,
  extension: string,
  writer: string
) => `${generationPrefix(userId, generationId)}${kind}-${index}-${writer}.${extension}`

/** Where every object of one generation lives in R2; deleting it removes them all. */
export const generationPrefix = (userId: string, generationId: string) =>
  `users/${userId}/generations/${generationId}/`
