// The error codes and what each means on the wire, without zod: the PWA reads them before its
// first paint, and zod stays out of that bundle (errors.ts builds the schemas from this list).

/** Every error code the API answers with. The code, never the message, decides what a client does. */
export const API_ERROR_CODES = [
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
] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

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
