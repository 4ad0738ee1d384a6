import * as z from 'zod'

/** Every error code the API answers with. The code, never the message, decides what a client does. */
export const apiErrorCodeSchema = z.enum([
  'VALIDATION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INVALID_IMAGE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'IDEMPOTENCY_KEY_REUSED',
  'OUT_OF_CREDITS',
  'EMAIL_NOT_VERIFIED',
  'INVALID_SIGNATURE',
  'RATE_LIMITED',
  'UPSTREAM_FAILED',
  'SERVICE_UNAVAILABLE',
  'SERVER_MISCONFIGURED',
  'INTERNAL',
])
export type ApiErrorCode = z.infer<typeof apiErrorCodeSchema>

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

/** What a code means on the wire: its HTTP status, and whether sending the same request again may work. */
export type ErrorMeta = { status: number; retryable: boolean }

/** The single table that maps a code to its HTTP status and retry policy. */
export const API_ERRORS = {
  VALIDATION_FAILED: { status: 400, retryable: false },
  PAYLOAD_TOO_LARGE: { status: 413, retryable: false },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, retryable: false },
  INVALID_IMAGE: { status: 422, retryable: false },
  UNAUTHENTICATED: { status: 401, retryable: false },
  FORBIDDEN: { status: 403, retryable: false },
  NOT_FOUND: { status: 404, retryable: false },
  CONFLICT: { status: 409, retryable: false },
  IDEMPOTENCY_KEY_REUSED: { status: 422, retryable: false },
  OUT_OF_CREDITS: { status: 402, retryable: false },
  // Spending credits needs a verified email; the same request works once the user verifies.
  EMAIL_NOT_VERIFIED: { status: 403, retryable: false },
  // A payment webhook whose signature does not verify: nothing in it is believed.
  INVALID_SIGNATURE: { status: 400, retryable: false },
  RATE_LIMITED: { status: 429, retryable: true },
  UPSTREAM_FAILED: { status: 502, retryable: true },
  SERVICE_UNAVAILABLE: { status: 503, retryable: true },
  SERVER_MISCONFIGURED: { status: 500, retryable: false },
  INTERNAL: { status: 500, retryable: true },
} as const satisfies Record<ApiErrorCode, ErrorMeta>
