// `npm start`: the whole product on one machine. Builds the PWA, applies the D1 migrations to the
// local state, and serves API and PWA from one Worker on http://127.0.0.1:$PORT (default 8787).
// Without a QWEN_API_KEY it also runs the DashScope simulator ($SIMULATOR_PORT, default 8790), and
// without a RESEND_API_KEY the local mailbox that receives every email ($MAILBOX_PORT, default 8791),
// and without a STRIPE_SECRET_KEY the local Stripe Checkout simulator ($PAYMENTS_PORT, default 8792).
// A ticker runs the sweeper cron every 15 s, since `wrangler dev` fires no cron by itself.
//
// Flags: --no-build skips the PWA build; --simulator-url=<origin> uses a simulator that is already
// running (the chaos test's, which outlives the product it kills); --mailbox-url=<origin> likewise
// uses a mailbox that is already running; --payments-url=<origin> a payments simulator that is
// already running (it is pointed at this Worker's webhook); --var KEY:VALUE sets a Worker
// variable for this run (repeatable).
import { parseArgs } from 'node:util'
import { ensureDevVars } from './lib/dev-vars.mjs'
import { hasRealEmailKey, mailboxVars, startLocalMailbox } from './lib/mailbox.mjs'
import { migrateLocal } from './lib/migrations.mjs'
import { defaultStateDir } from './lib/paths.mjs'
import {
  hasRealStripeKey,
  paymentsVars,
  setPaymentsWebhook,
  startLocalPayments,
  webhookUrlFor,
} from './lib/payments.mjs'
import { run } from './lib/process.mjs'
import { hasRealKey, simulatorVars, startLocalSimulator } from './lib/simulator.mjs'
import { startSweeperTicker } from './lib/sweeper.mjs'
import { startWorker } from './lib/worker.mjs'

const { values: flags } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    'simulator-url': { type: 'string' },
    'mailbox-url': { type: 'string' },
    'payments-url': { type: 'string' },
    var: { type: 'string', multiple: true, default: [] },
  },
})
const port = Number(process.env.PORT ?? 8787)
const stateDir = process.env.ADDREAMS_STATE_DIR ?? defaultStateDir

const cliVars = {}
for (const pair of flags.var) {
  const at = pair.indexOf(':')
  if (at < 1) throw new Error(`--var takes KEY:VALUE, not "${pair}"`)
  cliVars[pair.slice(0, at)] = pair.slice(at + 1)
}
ensureDevVars({ given: cliVars })
if (!flags['no-build']) {
  console.log('Building the PWA…')
  await run('npm', ['run', 'build', '-w', '@app/pwa', '--silent'])
}
console.log('Applying D1 migrations to the local database…')
await migrateLocal(stateDir, { quiet: true })
let vars = {}
if (flags['simulator-url']) {
  vars = simulatorVars(flags['simulator-url'])
  console.log(`Images come from the DashScope simulator at ${flags['simulator-url']}`)
} else if (!hasRealKey()) {
  const local = await startLocalSimulator(Number(process.env.SIMULATOR_PORT ?? 8790))
  vars = local.vars
  console.log(
    `No QWEN_API_KEY: images come from the local DashScope simulator at ${local.simulator.url}`
  )
}
if (flags['mailbox-url']) {
  Object.assign(vars, mailboxVars(flags['mailbox-url']))
} else if (!hasRealEmailKey()) {
  const local = await startLocalMailbox(Number(process.env.MAILBOX_PORT ?? 8791))
  Object.assign(vars, local.vars)
  console.log(`No RESEND_API_KEY: account emails go to the local mailbox at ${local.mailbox.url}`)
}
// The simulator posts its webhooks to the Worker, whose origin is known before it starts.
const webhookUrl = webhookUrlFor(`http://127.0.0.1:${port}`)
if (flags['payments-url']) {
  Object.assign(vars, paymentsVars(flags['payments-url']))
  await setPaymentsWebhook(flags['payments-url'], webhookUrl)
} else if (!hasRealStripeKey()) {
  const local = await startLocalPayments(Number(process.env.PAYMENTS_PORT ?? 8792), webhookUrl)
  Object.assign(vars, local.vars)
  console.log(
    `No STRIPE_SECRET_KEY: checkout runs on the local Stripe simulator at ${local.payments.url}`
  )
}
vars = { ...vars, ...cliVars }
console.log('Starting the Worker (local workerd, D1 and R2)…')
const worker = await startWorker({ port, stateDir, vars })
const stopSweeper = startSweeperTicker(worker.origin)

console.log(`\nAddreams is running at ${worker.origin}  (Ctrl+C stops it)\n`)

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopSweeper()
    worker.stop()
    process.exit(0)
  })
}
worker.child.on('exit', (code) => process.exit(code ?? 1))
