import { type ErrorCode, SimError } from './errors.ts'
import { type Fault, type FaultName, formatFault } from './faults.ts'

/** A fault that replaces the whole answer of a call. */
export type Reply =
  | { kind: 'error'; error: SimError }
  | { kind: 'malformed' }
  | { kind: 'error-200' }

/** What the faults of one call add up to; the route handlers read it step by step. */
export interface FaultPlan {
  /** The faults in effect, as `name[:arg]`, for the call log. */
  applied: string[]
  extraLatencyMs: number
  /** Hold the connection, then close it unanswered; `ms` undefined means until the client leaves. */
  hang: { ms?: number } | null
  reply: Reply | null
  /** `data-inspection:output`: the output is refused after generation. */
  outputInspection: boolean
  empty: boolean
  drop: boolean
  /** `partial` or `partial:k`; `default` means n − 1. */
  partial: number | 'default' | null
  taskFailed: boolean
  stuck: boolean
  /** How many result downloads answer 500 first; `Infinity` for all of them. */
  resultDownloadFailures: number
  resultExpired: boolean
}

const ERROR_FAULTS: Partial<Record<FaultName, ErrorCode>> = {
  'invalid-parameter': 'InvalidParameter',
  'data-inspection': 'DataInspectionFailed',
  arrearage: 'Arrearage',
  auth: 'InvalidApiKey',
  'rate-limit': 'Throttling.RateQuota',
  quota: 'Throttling.AllocationQuota',
  'timeout-408': 'RequestTimeOut',
  internal: 'InternalError',
  unavailable: 'ModelUnavailable',
}

// A refusal after generation, worded as the docs word it.
const OUTPUT_INSPECTION_MESSAGE = 'Output data may contain inappropriate content.'

/** Folds the faults of one call into a plan; when two faults replace the answer, the first wins. */
export const planFaults = (faults: Fault[]): FaultPlan => {
  const plan: FaultPlan = {
    applied: faults.map(formatFault),
    extraLatencyMs: 0,
    hang: null,
    reply: null,
    outputInspection: false,
    empty: false,
    drop: false,
    partial: null,
    taskFailed: false,
    stuck: false,
    resultDownloadFailures: 0,
    resultExpired: false,
  }
  for (const fault of faults) {
    const code = ERROR_FAULTS[fault.name]
    if (fault.output) plan.outputInspection = true
    else if (code) plan.reply ??= { kind: 'error', error: new SimError(code) }
    else if (fault.name === 'malformed' || fault.name === 'error-200') {
      plan.reply ??= { kind: fault.name }
    } else if (fault.name === 'slow') plan.extraLatencyMs += fault.arg ?? 0
    else if (fault.name === 'hang') plan.hang ??= { ms: fault.arg }
    else if (fault.name === 'result-download') {
      plan.resultDownloadFailures = fault.arg ?? Number.POSITIVE_INFINITY
    } else if (fault.name === 'partial') plan.partial = fault.arg ?? 'default'
    else if (fault.name === 'empty') plan.empty = true
    else if (fault.name === 'drop') plan.drop = true
    else if (fault.name === 'result-expired') plan.resultExpired = true
    else if (fault.name === 'task-failed') plan.taskFailed = true
    else if (fault.name === 'stuck') plan.stuck = true
  }
  return plan
}

/** How many of `n` images the plan lets through. */
export const deliveredCount = (plan: FaultPlan, n: number): number => {
  if (plan.empty) return 0
  if (plan.partial === null) return n
  return plan.partial === 'default' ? n - 1 : Math.min(plan.partial, n)
}

/** The error that fails the whole generation after it ran, if any (task `FAILED` or sync 4xx/5xx). */
export const generationFailure = (plan: FaultPlan, n: number): SimError | null => {
  if (plan.outputInspection) return new SimError('DataInspectionFailed', OUTPUT_INSPECTION_MESSAGE)
  if (plan.taskFailed) return new SimError('InternalError')
  // Partial success needs at least one image; with none, the call fails as a whole.
  if (plan.partial !== null && !plan.empty && deliveredCount(plan, n) === 0) {
    return new SimError('InternalError.Timeout')
  }
  return null
}
