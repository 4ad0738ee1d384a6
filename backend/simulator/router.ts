import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { CallEntry } from './calls-log.ts'
import { bump, type CallRoute } from './counters.ts'
import { SimError } from './errors.ts'
import { Exchange } from './exchange.ts'
import { handleCreateTask } from './routes-async.ts'
import { handleControl } from './routes-control.ts'
import { handleResult } from './routes-results.ts'
import { handleSync } from './routes-sync.ts'
import { handleTaskCancel, handleTaskGet } from './routes-tasks.ts'
import type { SimState } from './state.ts'

interface ServiceRoute {
  method: string
  /** The first capture group, if any, is the task id. */
  pattern: RegExp
  route: CallRoute
  handle: (state: SimState, ex: Exchange, id: string) => void | Promise<void>
}

const ROUTES: ServiceRoute[] = [
  {
    method: 'POST',
    pattern: /^\/api\/v1\/services\/aigc\/multimodal-generation\/generation$/,
    route: 'sync',
    handle: handleSync,
  },
  {
    method: 'POST',
    pattern: /^\/api\/v1\/services\/aigc\/text2image\/image-synthesis$/,
    route: 'async_create',
    handle: handleCreateTask,
  },
  {
    method: 'GET',
    pattern: /^\/api\/v1\/tasks\/([^/]+)$/,
    route: 'task_get',
    handle: handleTaskGet,
  },
  {
    method: 'POST',
    pattern: /^\/api\/v1\/tasks\/([^/]+)\/cancel$/,
    route: 'task_cancel',
    handle: handleTaskCancel,
  },
  { method: 'GET', pattern: /^\/results\//, route: 'result_get', handle: handleResult },
]

const handleService = async (state: SimState, ex: Exchange): Promise<void> => {
  const path = ex.url.pathname
  const match = ROUTES.find((entry) => entry.method === ex.req.method && entry.pattern.test(path))
  if (!match) throw new SimError('NotFound')
  state.counters.calls[match.route] += 1
  ex.log.route = match.route
  const id = match.pattern.exec(path)?.[1] ?? ''
  await match.handle(state, ex, id)
}

/**
 * Entry point for every request: moves tasks to the current clock, then dispatches to the
 * control or service routes. A thrown `SimError` becomes the service's error answer.
 */
export const handleRequest = async (
  state: SimState,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> => {
  state.advance()
  const url = new URL(req.url ?? '/', 'http://simulator')
  const control = url.pathname === '/__sim' || url.pathname.startsWith('/__sim/')
  const requestId = randomUUID()
  const log: CallEntry = {
    request_id: requestId,
    at: new Date(state.clock.now()).toISOString(),
    method: req.method ?? 'GET',
    path: url.pathname,
    route: null,
    status: null,
  }
  if (!control) state.calls.start(log)
  const ex = new Exchange(req, res, {
    url,
    requestId,
    service: !control,
    log,
    onAnswer: (status, code) => {
      if (control) return
      bump(state.counters.responses_by_status, String(status))
      if (code === 'Throttling.RateQuota') state.counters.throttled += 1
    },
  })
  try {
    await (control ? handleControl(state, ex) : handleService(state, ex))
  } catch (error) {
    if (state.closing) ex.drop('dropped')
    else if (error instanceof SimError) ex.error(error)
    else {
      console.error('DashScope simulator: unexpected error', error)
      ex.error(new SimError('InternalError'))
    }
  }
}
