import { authenticate } from './auth.ts'
import { readJsonBody } from './body.ts'
import { redactImages } from './calls-log.ts'
import { bump } from './counters.ts'
import { invalidParameter, SimError } from './errors.ts'
import type { Exchange } from './exchange.ts'
import { type FaultPlan, planFaults } from './fault-plan.ts'
import { faultAppliesTo, formatFault } from './faults.ts'
import { isRecord } from './guards.ts'
import type { SimState } from './state.ts'
import { type GenerationRequest, validateGeneration } from './validate.ts'

/** A generation call that may go ahead: who sent it, what it asks for and which faults it meets. */
export interface Admitted {
  key: string
  request: GenerationRequest
  plan: FaultPlan
}

const throttled = (): SimError => new SimError('Throttling.RateQuota')

// docs/dashscope.md §12.8. Checked after validation, so a malformed call never uses up the quota.
const checkRates = (
  state: SimState,
  route: 'sync' | 'async_create',
  key: string,
  model: string
): void => {
  const { config, rates } = state
  const now = state.clock.now()
  if (route === 'sync') {
    const limit = config.sync_per_minute[model]
    if (limit !== undefined && !rates.tryHit(`sync:${key}:${model}`, now, limit, 60_000))
      throw throttled()
    return
  }
  if (
    config.concurrency === 'reject' &&
    state.tasks.unfinished(key) >= config.max_running_per_key
  ) {
    throw throttled()
  }
  if (!rates.tryHit(`create:${key}`, now, config.async_creates_per_second, 1_000)) throw throttled()
}

/**
 * Runs what every generation POST goes through before any work: body, auth, the upstream-call
 * fingerprint, validation, rate limits and fault selection (markers first, then the queue).
 */
export const admitGeneration = async (
  state: SimState,
  ex: Exchange,
  route: 'sync' | 'async_create'
): Promise<Admitted> => {
  const body = await readJsonBody(ex.req, state.config.max_body_bytes)
  const key = authenticate(ex.req.headers.authorization, state.config)
  bump(state.counters.upstream_calls_by_fingerprint, body.fingerprint)
  Object.assign(ex.log, { key, fingerprint: body.fingerprint, body: redactImages(body.json) })
  if (isRecord(body.json) && typeof body.json.model === 'string') ex.log.model = body.json.model
  const asyncHeader = ex.req.headers['x-dashscope-async']?.toString().toLowerCase() === 'enable'
  const request = await validateGeneration(route, body, asyncHeader, state.config)
  state.counters.truncated_texts += request.truncated.length
  ex.log.truncated = request.truncated
  const misplaced = request.faults.find((fault) => !faultAppliesTo(fault, route))
  if (misplaced) {
    throw invalidParameter(
      `Fault "${formatFault(misplaced)}" does not apply to the ${route} route.`
    )
  }
  checkRates(state, route, key, request.model.id)
  const queued = state.faults.take(route, request.model.id)
  const plan = planFaults(queued ? [...request.faults, queued] : request.faults)
  ex.log.faults = plan.applied
  return { key, request, plan }
}
