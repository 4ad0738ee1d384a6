import { type ApiErrorCode, PASSWORD_TOO_COMMON } from '@app/shared-types'

/** The code of a failed call: the server's, or `NETWORK` for a request that never got an answer. */
export type ClientErrorCode = ApiErrorCode | 'NETWORK'

/**
 * better-auth's codes on `/api/auth/*` answers that the PWA words for itself. better-auth sends
 * many more; those read as no code at all, so the forms fall back to their general message.
 */
export const AUTH_ERROR_CODES = [
  'INVALID_EMAIL_OR_PASSWORD',
  'USER_ALREADY_EXISTS',
  'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL',
  'INVALID_PASSWORD',
  'SESSION_EXPIRED',
  'INVALID_TOKEN',
  PASSWORD_TOO_COMMON,
] as const

/** One of `AUTH_ERROR_CODES`. */
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number]

/** The code of a better-auth answer's body, when it is one the PWA handles. */
export const authErrorCode = (value: unknown): AuthErrorCode | undefined =>
  AUTH_ERROR_CODES.find((code) => code === value)
