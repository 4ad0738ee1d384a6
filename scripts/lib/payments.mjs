import path from 'node:path'
import { runnerImport } from 'vite'
import { readDevVars } from './dev-vars.mjs'
import { root } from './paths.mjs'

/** The key the Worker calls the local simulator with; it accepts any `sk_test_` key. */
export const PAYMENTS_KEY = 'sk_test_local'
/** The local webhook signing secret, shared by the simulator and the Worker. */
export const PAYMENTS_WEBHOOK_SECRET = 'whsec_local_simulator'

/** Whether a real Stripe key is configured (in the environment or backend/.dev.vars). */
export const hasRealStripeKey = () =>
  Boolean(process.env.STRIPE_SECRET_KEY || readDevVars().STRIPE_SECRET_KEY)

/** The Worker's webhook endpoint when it serves on `origin`. */
export const webhookUrlFor = (origin) => `${origin}/api/payments/webhook`

/**
 * Starts the local Stripe simulator in this process (TypeScript, loaded through Vite's module
 * runner, like the mailbox), posting its webhooks to `webhookUrl` when given, and returns it
 * with the Worker variables that point at it.
 */
export const startLocalPayments = async (port, webhookUrl) => {
  const { module } = await runnerImport(path.join(root, 'backend/payments/server.ts'))
  const payments = await module.startPayments({
    port,
    webhookUrl,
    webhookSecret: PAYMENTS_WEBHOOK_SECRET,
  })
  return { payments, vars: paymentsVars(payments.url) }
}

/** The Worker variables that send its Stripe calls to the simulator at `url`. */
export const paymentsVars = (url) => ({
  STRIPE_API_BASE: url,
  STRIPE_SECRET_KEY: PAYMENTS_KEY,
  STRIPE_WEBHOOK_SECRET: PAYMENTS_WEBHOOK_SECRET,
})

/** Points an already running simulator at `webhookUrl` (for `npm start --payments-url`). */
export const setPaymentsWebhook = async (paymentsUrl, webhookUrl) => {
  const res = await fetch(`${paymentsUrl}/control/webhook`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: webhookUrl }),
  })
  if (!res.ok) throw new Error(`The payments simulator at ${paymentsUrl} answered ${res.status}`)
}
