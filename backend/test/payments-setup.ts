import path from 'node:path'
import { runnerImport } from 'vite'
import type { TestProject } from 'vitest/node'
import { PAYMENTS_WEBHOOK_SECRET } from '../../scripts/lib/payments.mjs'

/**
 * The Stripe simulator the Worker under test calls, on the port vitest.config.ts chose. The Worker
 * under test has no port of its own, so the simulator posts no webhooks: the tests read its sent
 * events (`GET /events`) and deliver them to the Worker themselves.
 */
export default async function setup(project: TestProject) {
  const { module } = await runnerImport<typeof import('../payments/server.ts')>(
    path.join(import.meta.dirname, '../payments/server.ts')
  )
  const payments = await module.startPayments({
    port: Number(process.env.ADDREAMS_TEST_PAYMENTS_PORT),
    webhookSecret: PAYMENTS_WEBHOOK_SECRET,
  })
  project.provide('paymentsUrl', payments.url)
  return () => payments.close()
}
