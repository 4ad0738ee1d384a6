import path from 'node:path'
import { runnerImport } from 'vite'
import { readDevVars } from './dev-vars.mjs'
import { root } from './paths.mjs'

/** The key the simulator accepts; the Worker uses it when no real key is configured. */
export const SIMULATOR_KEY = 'sk-sim'

/** Whether a real DashScope key is configured (in the environment or backend/.dev.vars). */
export const hasRealKey = () => Boolean(process.env.QWEN_API_KEY || readDevVars().QWEN_API_KEY)

/**
 * Starts the local DashScope simulator in this process (TypeScript, loaded through Vite's module
 * runner) and returns it with the Worker variables that point at it.
 */
export const startLocalSimulator = async (port) => {
  const { module } = await runnerImport(path.join(root, 'backend/simulator/server.ts'))
  const simulator = await module.startSimulator({ port })
  return { simulator, vars: simulatorVars(simulator.url) }
}

/** The Worker variables that point it at the simulator at `url`. */
export const simulatorVars = (url) => ({
  DASHSCOPE_BASE_URL: `${url}/api/v1`,
  DASHSCOPE_RESULT_HOSTS: url,
  QWEN_API_KEY: SIMULATOR_KEY,
})
