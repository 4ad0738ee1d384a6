/**
 * DashScope's error codes with the status and message the service answers with
 * (docs/dashscope.md §8). The code decides the status, so handlers never pick status numbers
 * themselves.
 */
export const ERRORS = {
  InvalidParameter: {
    status: 400,
    message: 'Required parameter(s) missing or invalid, please check the request parameters.',
  },
  'InvalidParameter.DataInspection': {
    status: 400,
    message: 'The media format is not supported or incorrect for the data inspection.',
  },
  DataInspectionFailed: { status: 400, message: 'Input data may contain inappropriate content.' },
  'BadRequest.EmptyInput': {
    status: 400,
    message: 'Required input parameter missing from request.',
  },
  'BadRequest.EmptyModel': {
    status: 400,
    message: 'Required parameter "model" missing from request.',
  },
  'BadRequest.TooLarge': { status: 413, message: 'Payload Too Large' },
  InvalidURL: { status: 400, message: 'Invalid URL provided in your request.' },
  'BadRequest.InputDownloadFailed': { status: 400, message: 'Failed to download the input file.' },
  'BadRequest.UnsupportedFileFormat': {
    status: 400,
    message: 'Input file format is not supported.',
  },
  // The typo is the service's own; clients must not depend on message text anyway.
  Arrearage: {
    status: 400,
    message: 'Access denied, plesase make sure your account is in good standing.',
  },
  UnsupportedOperation: {
    status: 400,
    message: 'Failed to cancel the task, please confirm if the task is in PENDING status.',
  },
  InvalidApiKey: { status: 401, message: 'Invalid API-key provided.' },
  AccessDenied: {
    status: 403,
    message: 'Access to model denied. Please make sure you are eligible for using the model.',
  },
  ModelNotFound: { status: 404, message: 'Model can not be found.' },
  NotFound: { status: 404, message: 'Not found.' },
  RequestTimeOut: { status: 408, message: 'Request timed out, please try again later.' },
  'Throttling.RateQuota': {
    status: 429,
    message: 'Requests rate limit exceeded, please try again later.',
  },
  'Throttling.AllocationQuota': {
    status: 429,
    message: 'Allocated quota exceeded, please increase your quota limit.',
  },
  InternalError: {
    status: 500,
    message: 'An internal error has occured, please try again later or contact service support.',
  },
  'InternalError.Timeout': {
    status: 500,
    message:
      'An internal timeout error has occured during execution, please try again later or contact service support.',
  },
  ModelUnavailable: {
    status: 503,
    message: 'Service temporarily unavailable, possibly overloaded or not ready.',
  },
} as const satisfies Record<string, { status: number; message: string }>

/** One of the error codes the simulator can answer with. */
export type ErrorCode = keyof typeof ERRORS

/** An error answer: thrown by validation and route code, turned into a response in one place. */
export class SimError extends Error {
  readonly code: ErrorCode
  readonly status: number

  constructor(code: ErrorCode, message?: string) {
    super(message ?? ERRORS[code].message)
    this.code = code
    this.status = ERRORS[code].status
  }
}

/** Shorthand for the most common failure, `InvalidParameter` with the generic or a specific text. */
export const invalidParameter = (message?: string): SimError =>
  new SimError('InvalidParameter', message)
