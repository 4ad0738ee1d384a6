import { ERRORS } from './errors.ts'
import type { Exchange } from './exchange.ts'
import type { FaultPlan, Reply } from './fault-plan.ts'
import type { SimState } from './state.ts'

// What a gateway in front of the service might send instead of JSON.
const MALFORMED_BODY =
  '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>'

const sendReply = (ex: Exchange, reply: Reply): void => {
  if (reply.kind === 'error') ex.error(reply.error)
  else if (reply.kind === 'malformed') ex.send(200, 'text/html; charset=utf-8', MALFORMED_BODY)
  else
    ex.json(200, {
      request_id: ex.requestId,
      code: 'InternalError',
      message: ERRORS.InternalError.message,
    })
}

// Holds the connection until `ms` pass (then closes it) or the client or server closes it.
const hang = async (ex: Exchange, ms: number | undefined): Promise<void> => {
  ex.log.status = 'hung'
  const timer = ms === undefined ? undefined : setTimeout(() => ex.drop('hung'), ms)
  await ex.closed
  clearTimeout(timer)
}

/**
 * Plays the faults every route shares, in order: extra latency, hang, then a replacing answer.
 * Returns true when that fully handled the call.
 */
export const playCommonFaults = async (
  state: SimState,
  ex: Exchange,
  plan: FaultPlan
): Promise<boolean> => {
  if (plan.extraLatencyMs > 0) await state.sleep(plan.extraLatencyMs)
  if (plan.hang) {
    await hang(ex, plan.hang.ms)
    return true
  }
  if (plan.reply) {
    sendReply(ex, plan.reply)
    return true
  }
  return false
}
