import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from './free-port.mjs'
import { startLocalMailbox } from './mailbox.mjs'
import { migrateLocal } from './migrations.mjs'
import { startLocalPayments, webhookUrlFor } from './payments.mjs'
import { startLocalSimulator } from './simulator.mjs'
import { startWorker } from './worker.mjs'

/**
 * The product as `npm start` runs it (built PWA, migrated local D1, real workerd, the DashScope
 * simulator, the local mailbox, the Stripe simulator posting to its webhook) on a free port with its own throw-away state under a temporary
 * folder named after `name`, so a test or bench run never touches a developer's data. `vars` add
 * to (or replace) the Worker's; `stop()` ends every part and removes the state.
 */
export const startLocalStack = async ({ name, assetsDir, vars = {} }) => {
  const stateDir = await mkdtemp(path.join(tmpdir(), `addreams-${name}-`))
  await migrateLocal(stateDir, { quiet: true })
  const local = await startLocalSimulator(0)
  const mail = await startLocalMailbox(0)
  const port = await freePort()
  const pay = await startLocalPayments(0, webhookUrlFor(`http://127.0.0.1:${port}`))
  const worker = await startWorker({
    port,
    stateDir,
    assetsDir,
    vars: { ...local.vars, ...mail.vars, ...pay.vars, ...vars },
    quiet: true,
  })
  return {
    worker,
    stateDir,
    simulatorUrl: local.simulator.url,
    mailboxUrl: mail.mailbox.url,
    paymentsUrl: pay.payments.url,
    stop: async () => {
      worker.stop()
      await local.simulator.close()
      await mail.mailbox.close()
      await pay.payments.close()
      await rm(stateDir, { recursive: true, force: true })
    },
  }
}
