import * as z from 'zod'
import { API_ERROR_CODES } from './error-codes.ts'

/** The error codes of `API_ERROR_CODES` (error-codes.ts) as a schema. */
export const apiErrorCodeSchema = z.enum(API_ERROR_CODES)

/** One problem with one field of a request; `path` is dot-separated (`request.size`). */
export const errorDetailSchema = z.object({ path: z.string(), message: z.string() })
export type ErrorDetail = z.infer<typeof errorDetailSchema>

/** The body of every non-2xx answer from our own routes (better-auth's routes keep their own). */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: apiErrorCodeSchema,
    message: z.string(),
    requestId: z.string(),
    details: z.array(errorDetailSchema).optional(),
  }),
})
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>
