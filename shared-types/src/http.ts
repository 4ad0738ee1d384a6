import type { ApiErrorCode } from './error-codes.ts'

/**
 * The code of an answer that carries none in our envelope: Hono's own refusals on the server
 * (the body limit's 413, a 405), and on the client better-auth's answers, a proxy's or a crash
 * page. One table, so both sides name the same status alike.
 */
const CODE_FOR_STATUS: Partial<Record<number, ApiErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
}

/** The code for an HTTP status; other 5xx are `INTERNAL`, other 4xx `VALIDATION_FAILED`. */
export const codeForStatus = (status: number): ApiErrorCode =>
  CODE_FOR_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED')

/**
 * A `Retry-After` header in milliseconds from `nowMs`: it may be seconds or an HTTP date (RFC 9110
 * section 10.2.3). Undefined when absent or unreadable; never negative.
 */
export const parseRetryAfter = (
  value: string | null | undefined,
  nowMs = Date.now()
): number | undefined => {
  const text = value?.trim()
  if (!text) return undefined
  if (/^\d+$/.test(text)) return Number(text) * 1000
  // Date.parse reads '-5' or '1.5' as dates too; an HTTP date names its month.
  const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs)
}
