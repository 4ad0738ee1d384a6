import * as z from 'zod'
import { ApiError } from './api-error.ts'

const cursorSchema = z.object({ time: z.int().nonnegative(), id: z.string().max(100) })

/** A position in a newest-first list: the last item's time and id (the tie-breaker). */
export type Cursor = z.infer<typeof cursorSchema>

/** Encodes a cursor as an opaque URL-safe string. */
export const encodeCursor = (cursor: Cursor): string =>
  btoa(JSON.stringify(cursor)).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '')

/** Decodes a cursor; anything that is not one of ours is a `VALIDATION_FAILED`. */
export const decodeCursor = (value: string): Cursor => {
  try {
    const json = atob(value.replaceAll('-', '+').replaceAll('_', '/'))
    return cursorSchema.parse(JSON.parse(json))
  } catch {
    throw new ApiError('VALIDATION_FAILED', 'The cursor is not valid', {
      details: [{ path: 'cursor', message: 'Use the nextCursor of a previous page' }],
    })
  }
}
