import type { GenerationErrorCode } from '@app/shared-types'

/** How a failed provider call is treated (docs/dashscope.md §8). */
export type ProviderErrorClass =
  | 'invalid_request'
  | 'content_refused'
  | 'input_unreadable'
  | 'provider_account'
  | 'provider_busy'
  | 'ambiguous'
  | 'malformed'

/** Every documented DashScope error code and its class; the table, not code branches, decides. */
const CODE_CLASSES: Record<string, ProviderErrorClass> = {
  InvalidParameter: 'invalid_request',
  DataInspectionFailed: 'content_refused',
  'InvalidParameter.DataInspection': 'input_unreadable',
  IPInfringementSuspect: 'content_refused',
  'BadRequest.EmptyInput': 'invalid_request',
  'BadRequest.EmptyParameters': 'invalid_request',
  'BadRequest.EmptyModel': 'invalid_request',
  InvalidURL: 'input_unreadable',
  'BadRequest.InputDownloadFailed': 'input_unreadable',
  'BadRequest.UnsupportedFileFormat': 'input_unreadable',
  Arrearage: 'provider_account',
  InvalidApiKey: 'provider_account',
  AccessDenied: 'provider_account',
  'AccessDenied.Unpurchased': 'provider_account',
  'Model.AccessDenied': 'provider_account',
  ModelNotFound: 'provider_account',
  WorkSpaceNotFound: 'provider_account',
  RequestTimeOut: 'provider_busy',
  'BadRequest.TooLarge': 'invalid_request',
  Throttling: 'provider_busy',
  'Throttling.RateQuota': 'provider_busy',
  'Throttling.AllocationQuota': 'provider_account',
  'AllocationQuota.FreeExceeded': 'provider_account',
  'AllocationQuota.FreeTierOnly': 'provider_account',
  InternalError: 'provider_busy',
  'InternalError.Algo': 'provider_busy',
  'InternalError.Timeout': 'provider_busy',
  SystemError: 'provider_busy',
  ModelUnavailable: 'provider_busy',
}

/** The user-facing failure code of each class (docs/product.md §8). */
const GENERATION_ERROR: Record<ProviderErrorClass, GenerationErrorCode> = {
  invalid_request: 'INVALID_SETTINGS',
  content_refused: 'CONTENT_REFUSED',
  input_unreadable: 'INPUT_UNREADABLE',
  provider_account: 'INTERNAL',
  provider_busy: 'PROVIDER_BUSY',
  ambiguous: 'INTERNAL',
  malformed: 'INTERNAL',
}

/** A failed provider call, classified; `retryable` says whether sending it again may succeed. */
export class ProviderError extends Error {
  readonly errorClass: ProviderErrorClass
  readonly retryable: boolean
  readonly status: number | undefined
  readonly code: string | undefined
  readonly retryAfterSeconds: number | undefined

  constructor(opts: {
    errorClass: ProviderErrorClass
    retryable: boolean
    message: string
    status?: number
    code?: string
    retryAfterSeconds?: number
    cause?: unknown
  }) {
    super(opts.message, { cause: opts.cause })
    this.name = 'ProviderError'
    this.errorClass = opts.errorClass
    this.retryable = opts.retryable
    this.status = opts.status
    this.code = opts.code
    this.retryAfterSeconds = opts.retryAfterSeconds
  }

  /** The code the generation is marked failed with. */
  get generationErrorCode(): GenerationErrorCode {
    return GENERATION_ERROR[this.errorClass]
  }
}

/**
 * Classifies an error answer. Known codes follow the table; unknown ones follow the status:
 * 4xx is final, 5xx may be resent (docs/dashscope.md §8). Quota 429s are final despite the status.
 */
export const classifyProviderError = (
  status: number,
  code: string | undefined,
  message: string,
  retryAfterSeconds?: number
): ProviderError => {
  const known = code ? CODE_CLASSES[code] : undefined
  const errorClass = known ?? (status >= 500 ? 'provider_busy' : 'invalid_request')
  return new ProviderError({
    errorClass,
    retryable: errorClass === 'provider_busy',
    message: `DashScope ${status}${code ? ` ${code}` : ''}: ${message}`,
    status,
    code,
    retryAfterSeconds,
  })
}
