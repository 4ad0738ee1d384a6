import { API_ERRORS, codeForStatus, type ErrorDetail, parseRetryAfter } from '@app/shared-types'
import { type AuthErrorCode, authErrorCode, type ClientErrorCode } from './client-errors.ts'
import { noteRequestOutcome } from './connection.ts'
import { TIMEOUTS } from './timeouts.ts'

/**
 * Every failed call, parsed in one place (docs/conventions.md §4.5). `code` decides what the app
 * does; `authCode` is better-auth's own code on `/api/auth/*` answers (e.g.
 * `INVALID_EMAIL_OR_PASSWORD`).
 */
export class ApiClientError extends Error {
  readonly code: ClientErrorCode
  readonly status: number
  readonly retryable: boolean
  readonly requestId: string | undefined
  readonly details: readonly ErrorDetail[]
  readonly authCode: AuthErrorCode | undefined
  /** From `Retry-After`, when the server sent one. */
  readonly retryAfterMs: number | undefined

  constructor(init: {
    code: ClientErrorCode
    status: number
    message: string
    retryable?: boolean
    requestId?: string
    details?: readonly ErrorDetail[]
    authCode?: AuthErrorCode
    retryAfterMs?: number
  }) {
    super(init.message)
    this.name = 'ApiClientError'
    this.code = init.code
    this.status = init.status
    this.retryable = init.retryable ?? (init.code === 'NETWORK' || API_ERRORS[init.code].retryable)
    this.requestId = init.requestId
    this.details = init.details ?? []
    this.authCode = init.authCode
    this.retryAfterMs = init.retryAfterMs
  }
}

const errorFromResponse = async (res: Response): Promise<ApiClientError> => {
  const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'))
  let body: unknown
  try {
    body = await res.json()
  } catch {
    body = undefined
  }
  const envelope = (await import('./api-error-body.ts')).readErrorBody(body)
  if (envelope) {
    const { code, message, requestId, details } = envelope
    return new ApiClientError({
      code,
      status: res.status,
      message,
      requestId,
      details,
      retryAfterMs,
    })
  }
  const loose = (body ?? {}) as { code?: unknown; message?: unknown }
  const authCode = authErrorCode(loose.code)
  return new ApiClientError({
    code: codeForStatus(res.status),
    status: res.status,
    message: typeof loose.message === 'string' ? loose.message : res.statusText,
    authCode,
    retryAfterMs,
  })
}

/** `fetch`'s options plus the call's deadline (default `TIMEOUTS.json`). */
export type ApiRequestInit = Omit<RequestInit, 'signal'> & { timeoutMs?: number }

const networkError = (error: unknown): ApiClientError =>
  new ApiClientError({
    code: 'NETWORK',
    status: 0,
    message: error instanceof Error ? error.message : 'Network error',
  })

/**
 * `fetch` for our own API: same-origin cookies, a deadline, and every failure, a network error
 * or a timeout included, thrown as `ApiClientError`. The deadline also aborts a body still
 * being read after it, as `AbortSignal.timeout()` would; it is a plain timer so tests can move it.
 */
export const apiFetch = async (
  path: string,
  { timeoutMs = TIMEOUTS.json, ...init }: ApiRequestInit = {}
): Promise<Response> => {
  const controller = new AbortController()
  // Rejects at the deadline even if a fetch ignored its signal.
  const expired = new Promise<never>((_, reject) => {
    setTimeout(() => {
      const reason = new DOMException(`No answer within ${timeoutMs} ms`, 'TimeoutError')
      controller.abort(reason)
      reject(reason)
    }, timeoutMs)
  })
  expired.catch(() => undefined)
  let res: Response
  try {
    res = await Promise.race([
      fetch(path, { credentials: 'same-origin', ...init, signal: controller.signal }),
      expired,
    ])
  } catch (error) {
    noteRequestOutcome(false)
    throw networkError(error)
  }
  noteRequestOutcome(true)
  if (!res.ok) throw await errorFromResponse(res)
  return res
}

/** Reads a body within its call's deadline: a connection lost or timed out meanwhile is NETWORK. */
const readBody = async <T>(read: () => Promise<T>): Promise<T> => {
  try {
    return await read()
  } catch (error) {
    if (error instanceof SyntaxError) throw error
    throw networkError(error)
  }
}

/** The bytes of an image of ours (`TIMEOUTS.image` for the whole download). */
export const apiBlob = async (path: string): Promise<Blob> => {
  const res = await apiFetch(path, { timeoutMs: TIMEOUTS.image })
  return readBody(() => res.blob())
}

/** What `apiJson` checks an answer with: a zod schema, of the classic build or of zod/mini. */
export interface AnswerSchema<T> {
  parse(data: unknown): T
}

/** Sends a JSON body (`json`, when given) or `body`, and parses the answer with `schema`. */
export const apiJson = async <T>(
  path: string,
  schema: AnswerSchema<T>,
  init: ApiRequestInit & { json?: unknown } = {}
): Promise<T> => {
  const { json, headers, body, ...rest } = init
  const res = await apiFetch(path, {
    ...rest,
    headers:
      json === undefined ? headers : { 'content-type': 'application/json', ...(headers ?? {}) },
    body: json === undefined ? body : JSON.stringify(json),
  })
  return schema.parse(await readBody(() => res.json()))
}
