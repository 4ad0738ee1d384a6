import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ClockMode } from './clock.ts'
import { type ConfigPatch, configPatchSchema, resolveConfig } from './config.ts'
import { handleRequest } from './router.ts'
import { SimState } from './state.ts'

/**
 * Options of `startSimulator`: the config fields of docs/dashscope.md §12.1 plus where to listen.
 */
export interface SimulatorOptions extends ConfigPatch {
  /** TCP port; 0 (the default) takes any free port. */
  port?: number
  /** Interface to bind, default 127.0.0.1. Control routes answer loopback clients only anyway. */
  host?: string
  /** Initial clock mode, default `real`; `/__sim/reset` always returns to `real`. */
  clock?: ClockMode
}

/** A running simulator. */
export interface Simulator {
  /** Origin, e.g. `http://127.0.0.1:8790`; the client's base URL is `${url}/api/v1`. */
  url: string
  port: number
  /** Live state, for in-process inspection; tests should prefer the `/__sim` routes. */
  state: SimState
  /** Closes every connection (hanging ones included) and stops listening. */
  close(): Promise<void>
}

// Real-mode tasks also advance without requests, so in-process readers of `state` see them move.
const TICK_MS = 250

/**
 * Starts the DashScope simulator on `node:http`.
 * @example const sim = await startSimulator({ clock: 'manual', image_mode: 'tiny' })
 */
export const startSimulator = async (options: SimulatorOptions = {}): Promise<Simulator> => {
  const { port = 0, host = '127.0.0.1', clock = 'real', ...patch } = options
  const state = new SimState(resolveConfig(configPatchSchema.parse(patch)), clock)
  const server = createServer((req, res) => {
    void handleRequest(state, req, res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const actualPort = (server.address() as AddressInfo).port
  state.origin = `http://${host}:${actualPort}`
  const timer = setInterval(() => {
    if (state.clock.mode === 'real') state.advance()
  }, TICK_MS)
  timer.unref()
  return {
    url: state.origin,
    port: actualPort,
    state,
    close: async () => {
      clearInterval(timer)
      state.shutdown()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
