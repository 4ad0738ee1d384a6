/** Service routes a fault can be scripted for; the names match the `calls` counters. */
export const SERVICE_ROUTES = ['sync', 'async_create', 'task_get', 'task_cancel'] as const
export type ServiceRoute = (typeof SERVICE_ROUTES)[number]

const ANY: readonly ServiceRoute[] = SERVICE_ROUTES
const GENERATION: readonly ServiceRoute[] = ['sync', 'async_create']
const TASK: readonly ServiceRoute[] = ['async_create']

type ArgRule = 'none' | 'count' | 'required-count' | 'output'

/**
 * Every scriptable fault (docs/dashscope.md §12.9), the routes it makes sense on and its argument.
 */
const CATALOG = {
  'invalid-parameter': { routes: GENERATION, arg: 'none' },
  'data-inspection': { routes: GENERATION, arg: 'output' },
  arrearage: { routes: ANY, arg: 'none' },
  auth: { routes: ANY, arg: 'none' },
  'rate-limit': { routes: ANY, arg: 'none' },
  quota: { routes: ANY, arg: 'none' },
  'timeout-408': { routes: ANY, arg: 'none' },
  internal: { routes: ANY, arg: 'none' },
  unavailable: { routes: ANY, arg: 'none' },
  malformed: { routes: ANY, arg: 'none' },
  empty: { routes: GENERATION, arg: 'none' },
  'error-200': { routes: ANY, arg: 'none' },
  slow: { routes: ANY, arg: 'required-count' },
  hang: { routes: ANY, arg: 'count' },
  drop: { routes: GENERATION, arg: 'none' },
  'result-download': { routes: GENERATION, arg: 'count' },
  'result-expired': { routes: GENERATION, arg: 'none' },
  'task-failed': { routes: TASK, arg: 'none' },
  partial: { routes: GENERATION, arg: 'count' },
  stuck: { routes: TASK, arg: 'none' },
} as const satisfies Record<string, { routes: readonly ServiceRoute[]; arg: ArgRule }>

export type FaultName = keyof typeof CATALOG

/** One scripted fault: `slow:250` is `{ name: 'slow', arg: 250 }`, `data-inspection:output` sets `output`. */
export interface Fault {
  name: FaultName
  arg?: number
  output?: true
}

const isFaultName = (name: string): name is FaultName => Object.hasOwn(CATALOG, name)

/** Parses `name` or `name:arg`; returns an explanation instead when the text is not a fault. */
export const parseFault = (text: string): Fault | string => {
  const [name, arg, ...rest] = text.split(':')
  if (!isFaultName(name) || rest.length > 0) return `Unknown simulator fault "${text}".`
  const rule: ArgRule = CATALOG[name].arg
  if (arg === undefined) {
    return rule === 'required-count'
      ? `Fault "${name}" needs an argument, e.g. "${name}:500".`
      : { name }
  }
  if (rule === 'output' && arg === 'output') return { name, output: true }
  if ((rule === 'count' || rule === 'required-count') && /^\d+$/.test(arg)) {
    return { name, arg: Number(arg) }
  }
  return `Fault "${name}" does not take the argument "${arg}".`
}

/** The inverse of `parseFault`, for logs. */
export const formatFault = (fault: Fault): string =>
  fault.output
    ? `${fault.name}:output`
    : fault.arg === undefined
      ? fault.name
      : `${fault.name}:${fault.arg}`

/** Whether the fault has a meaning on `route` (e.g. `stuck` only exists for async tasks). */
export const faultAppliesTo = (fault: Fault, route: ServiceRoute): boolean =>
  (CATALOG[fault.name].routes as readonly ServiceRoute[]).includes(route)

/** Whether a queued fault with no `match.route` may fire on `route`: only on generation calls. */
export const isGenerationRoute = (route: ServiceRoute): boolean => GENERATION.includes(route)

const MARKER = /\[sim:([^\]]*)\]/g

/**
 * Pulls `[sim:<fault>]` and `[sim:<fault>:<arg>]` markers out of a prompt. Unknown markers are
 * reported rather than ignored so that a typo in a test fails loudly.
 */
export const extractMarkers = (
  text: string
): { text: string; faults: Fault[]; errors: string[] } => {
  const faults: Fault[] = []
  const errors: string[] = []
  for (const [, body] of text.matchAll(MARKER)) {
    const parsed = parseFault(body)
    if (typeof parsed === 'string') errors.push(parsed)
    else faults.push(parsed)
  }
  return { text: text.replace(MARKER, '').trim(), faults, errors }
}
