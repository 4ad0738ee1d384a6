import * as z from 'zod'
import { readJsonBody } from './body.ts'
import { configPatchSchema } from './config.ts'
import { invalidParameter, SimError } from './errors.ts'
import type { Exchange } from './exchange.ts'
import { faultAppliesTo, parseFault, SERVICE_ROUTES } from './faults.ts'
import type { SimState } from './state.ts'
import { adminTaskView } from './task-view.ts'

const clockModeSchema = z.enum(['real', 'manual'])
const configBodySchema = configPatchSchema.extend({ clock: clockModeSchema.optional() }).strict()
const clockBodySchema = z
  .object({
    mode: clockModeSchema.optional(),
    set: z
      .union([z.number(), z.string().refine((text) => !Number.isNaN(Date.parse(text)))])
      .optional(),
    advance_ms: z.number().min(0).optional(),
  })
  .strict()
const faultEntrySchema = z
  .object({
    fault: z.string(),
    times: z.int().positive().default(1),
    match: z
      .object({ route: z.enum(SERVICE_ROUTES).optional(), model: z.string().optional() })
      .strict()
      .default({}),
  })
  .strict()
const faultsBodySchema = z.union([faultEntrySchema, z.array(faultEntrySchema)])

const readBody = async <S extends z.ZodType>(ex: Exchange, schema: S): Promise<z.output<S>> => {
  const body = await readJsonBody(ex.req, 1024 * 1024)
  if (!body.parsed) throw invalidParameter('The body must be JSON.')
  const result = schema.safeParse(body.json)
  if (!result.success) throw invalidParameter(z.prettifyError(result.error))
  return result.data
}

const configView = (state: SimState) => ({ ...state.config, clock: state.clock.mode })
const clockView = (state: SimState) => ({
  mode: state.clock.mode,
  now: new Date(state.clock.now()).toISOString(),
  now_ms: state.clock.now(),
})

const addFaults = async (state: SimState, ex: Exchange) => {
  const body = await readBody(ex, faultsBodySchema)
  // Check every entry before queueing any, so a bad list changes nothing.
  const entries = (Array.isArray(body) ? body : [body]).map(({ fault: text, times, match }) => {
    const fault = parseFault(text)
    if (typeof fault === 'string') throw invalidParameter(fault)
    if (match.route && !faultAppliesTo(fault, match.route)) {
      throw invalidParameter(`Fault "${text}" does not apply to the ${match.route} route.`)
    }
    return { fault, times, match }
  })
  for (const { fault, times, match } of entries) state.faults.add(fault, times, match)
  return { faults: state.faults.list() }
}

type Handler = (state: SimState, ex: Exchange) => unknown

const HANDLERS: Record<string, Handler> = {
  'POST /__sim/reset': (state) => {
    state.reset()
    return { ok: true }
  },
  'GET /__sim/config': configView,
  'POST /__sim/config': async (state, ex) => {
    const { clock, ...patch } = await readBody(ex, configBodySchema)
    state.config = { ...state.config, ...patch }
    if (clock) state.clock.setMode(clock)
    return configView(state)
  },
  'GET /__sim/clock': clockView,
  'POST /__sim/clock': async (state, ex) => {
    const body = await readBody(ex, clockBodySchema)
    if (body.mode) state.clock.setMode(body.mode)
    if (body.set !== undefined) state.clock.set(new Date(body.set).getTime())
    if (body.advance_ms !== undefined) state.clock.advance(body.advance_ms)
    state.advance()
    return clockView(state)
  },
  'GET /__sim/faults': (state) => ({ faults: state.faults.list() }),
  'POST /__sim/faults': addFaults,
  'DELETE /__sim/faults': (state) => {
    state.faults.clear()
    return { faults: [] }
  },
  'GET /__sim/counters': (state) => state.countersSnapshot(),
  'GET /__sim/tasks': (state) => ({ tasks: state.tasks.list().map(adminTaskView) }),
  'GET /__sim/calls': (state) => ({ calls: state.calls.list() }),
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

/** The `/__sim` control routes (docs/dashscope.md §12.2): no auth, loopback clients only. */
export const handleControl = async (state: SimState, ex: Exchange): Promise<void> => {
  if (!LOOPBACK.has(ex.req.socket.remoteAddress ?? '')) {
    throw new SimError('AccessDenied', 'Control routes answer only on 127.0.0.1.')
  }
  const handler = HANDLERS[`${ex.req.method} ${ex.url.pathname}`]
  if (!handler) throw new SimError('NotFound')
  ex.json(200, await handler(state, ex))
}
