import {
  API_ERRORS,
  type ApiErrorBody,
  type ApiErrorCode,
  codeForStatus,
  type ErrorDetail,
} from '@app/shared-types'
import type { ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../env.ts'
import { EnvError } from '../env.ts'

/** An error with a shared-types code; the code decides the HTTP status. */
export class ApiError extends HTTPException {
  readonly code: ApiErrorCode
  readonly details: ErrorDetail[] | undefined
  readonly headers: Record<string, string>

  constructor(
    code: ApiErrorCode,
    message: string,
    opts: { details?: ErrorDetail[]; cause?: unknown; headers?: Record<string, string> } = {}
  ) {
    super(API_ERRORS[code].status as ContentfulStatusCode, { message, cause: opts.cause })
    this.code = code
    this.details = opts.details
    this.headers = opts.headers ?? {}
  }
}

const toApiError = (err: unknown): ApiError => {
  if (err instanceof ApiError) return err
  if (err instanceof EnvError) {
    return new ApiError('SERVER_MISCONFIGURED', err.message, {
      details: err.problems.map((p) => ({ path: p.variable, message: p.message })),
    })
  }
  if (err instanceof HTTPException) {
    const code = codeForStatus(err.status)
    return new ApiError(code, err.status >= 500 ? 'Internal error' : err.message || code)
  }
  return new ApiError('INTERNAL', 'Internal error')
}

/** The one place an error becomes a response: always the shared envelope, never a stack trace. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const e = toApiError(err)
  if (e.status >= 500) {
    console.error(
      JSON.stringify({
        level: 'error',
        requestId: c.get('requestId'),
        code: e.code,
        error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
        stack: err instanceof Error ? err.stack : undefined,
      })
    )
  }
  const body: ApiErrorBody = {
    error: { code: e.code, message: e.message, requestId: c.get('requestId'), details: e.details },
  }
  return c.json(body, e.status, e.headers)
}
