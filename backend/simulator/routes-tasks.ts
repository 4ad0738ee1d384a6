import { authenticate } from './auth.ts'
import { SimError } from './errors.ts'
import type { Exchange } from './exchange.ts'
import { planFaults } from './fault-plan.ts'
import type { ServiceRoute } from './faults.ts'
import { playCommonFaults } from './replies.ts'
import type { SimState } from './state.ts'
import { taskBody, unknownTaskBody } from './task-view.ts'
import type { SimTask } from './tasks.ts'

// Task responses carry a charset, errors included; a task of another key reads as unknown.
const prepare = (state: SimState, ex: Exchange, id: string) => {
  ex.jsonType = 'application/json;charset=UTF-8'
  const key = authenticate(ex.req.headers.authorization, state.config)
  const task = state.tasks.get(id, key)
  Object.assign(ex.log, { key, task_id: id, model: task?.job.model })
  return { key, task }
}

// Task routes take faults only from the queue, and only those scripted for their route.
const playQueued = async (state: SimState, ex: Exchange, route: ServiceRoute, task?: SimTask) => {
  const fault = state.faults.take(route, task?.job.model)
  const plan = planFaults(fault ? [fault] : [])
  ex.log.faults = plan.applied
  return playCommonFaults(state, ex, plan)
}

/** `GET /api/v1/tasks/{id}`: the task as of now, or `UNKNOWN` (docs/dashscope.md §6.2). */
export const handleTaskGet = async (state: SimState, ex: Exchange, id: string): Promise<void> => {
  const { key, task } = prepare(state, ex, id)
  const { rates, config } = state
  if (!rates.tryHit(`query:${key}`, state.clock.now(), config.task_queries_per_second, 1_000)) {
    throw new SimError('Throttling.RateQuota')
  }
  if (await playQueued(state, ex, 'task_get', task)) return
  ex.json(200, task ? taskBody(ex.requestId, task) : unknownTaskBody(ex.requestId, id))
}

/**
 * `POST /api/v1/tasks/{id}/cancel`: only a `PENDING` task can be canceled (docs/dashscope.md §6.3).
 */
export const handleTaskCancel = async (
  state: SimState,
  ex: Exchange,
  id: string
): Promise<void> => {
  const { task } = prepare(state, ex, id)
  if (await playQueued(state, ex, 'task_cancel', task)) return
  if (task?.status !== 'PENDING') throw new SimError('UnsupportedOperation')
  task.status = 'CANCELED'
  task.endAt = state.clock.now()
  ex.json(200, { request_id: ex.requestId })
}
