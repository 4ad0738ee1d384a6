import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from '../../scripts/lib/free-port.mjs'
import { startLocalMailbox } from '../../scripts/lib/mailbox.mjs'
import { migrateLocal } from '../../scripts/lib/migrations.mjs'
import { startLocalSimulator } from '../../scripts/lib/simulator.mjs'
import { startWorker } from '../../scripts/lib/worker.mjs'

/**
 * The product as `npm start` runs it (built PWA, migrated local D1, real workerd, the DashScope
 * simulator, the local mailbox) on a free port with its own throw-away state. The per-user generation rate limit is
 * lifted so the API and race measures hit the credit check, not the limiter.
 */
export const startStack = async ({ assetsDir }) => {
  const stateDir = await mkdtemp(path.join(tmpdir(), 'addreams-bench-'))
  await migrateLocal(stateDir, { quiet: true })
  const local = await startLocalSimulator(0)
  const mail = await startLocalMailbox(0)
  const worker = await startWorker({
    port: await freePort(),
    stateDir,
    assetsDir,
    vars: {
      BETTER_AUTH_SECRET: 'bench-only-secret-0123456789abcdef-0123456789',
      GENERATIONS_PER_MINUTE: '1000000',
      ...local.vars,
      ...mail.vars,
    },
    quiet: true,
  })
  return {
    origin: worker.origin,
    stateDir,
    distDir: assetsDir,
    simulatorUrl: local.simulator.url,
    mailboxUrl: mail.mailbox.url,
    /** Everything the Worker printed so far, its request log lines included. */
    log: worker.log,
    stop: async () => {
      worker.stop()
      await local.simulator.close()
      await mail.mailbox.close()
      await rm(stateDir, { recursive: true, force: true })
    },
  }
}
