import path from 'node:path'
import { runnerImport } from 'vite'
import type { TestProject } from 'vitest/node'

/** One DashScope simulator for the workerd tests that run the generation job against it. */
export default async function setup(project: TestProject) {
  const { module } = await runnerImport<typeof import('../simulator/server.ts')>(
    path.join(import.meta.dirname, '../simulator/server.ts')
  )
  const simulator = await module.startSimulator({ port: 0 })
  project.provide('simulatorUrl', simulator.url)
  return () => simulator.close()
}
