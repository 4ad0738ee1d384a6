import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { freePort } from '../../scripts/lib/free-port.mjs'
import { startLocalMailbox } from '../../scripts/lib/mailbox.mjs'
import { migrateLocal } from '../../scripts/lib/migrations.mjs'
import { root } from '../../scripts/lib/paths.mjs'
import { startLocalPayments, webhookUrlFor } from '../../scripts/lib/payments.mjs'
import { run } from '../../scripts/lib/process.mjs'
import { startLocalSimulator } from '../../scripts/lib/simulator.mjs'
import { startWorker } from '../../scripts/lib/worker.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    stateDir: string
    simulatorUrl: string
    mailboxUrl: string
    paymentsUrl: string
  }
}

/**
 * Starts the product the way `npm start` does (built PWA, migrated local D1, real workerd) on a
 * free port with its own state, so the browser tests never touch a developer's data.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(path.join(root, 'pwa/dist/index.html'))) {
    await run('npm', ['run', 'build', '-w', '@app/pwa', '--silent'], { quiet: true })
  }
  const stateDir = await mkdtemp(path.join(tmpdir(), 'addreams-e2e-'))
  await migrateLocal(stateDir, { quiet: true })
  const local = await startLocalSimulator(0)
  const mail = await startLocalMailbox(0)
  const port = await freePort()
  const pay = await startLocalPayments(0, webhookUrlFor(`http://127.0.0.1:${port}`))
  const worker = await startWorker({
    port,
    stateDir,
    quiet: true,
    vars: {
      BETTER_AUTH_SECRET: 'e2e-only-secret-0123456789abcdef-0123456789',
      // Every browser of the suite reaches wrangler dev from one address, so they would share one
      // client's auth calls and run out mid-suite; the backend tests cover the limits themselves.
      RATE_LIMIT_AUTH: '1000000/60',
      ...local.vars,
      ...mail.vars,
      ...pay.vars,
    },
  })
  // A Worker that dies mid-run fails every later test with a refused connection; say why.
  let stopping = false
  worker.child.on('exit', (code: number | null) => {
    if (!stopping) console.error(`The e2e Worker exited (${code}):\n${worker.log().slice(-8000)}`)
  })
  project.provide('baseUrl', worker.origin)
  project.provide('stateDir', stateDir)
  project.provide('simulatorUrl', local.simulator.url)
  project.provide('mailboxUrl', mail.mailbox.url)
  project.provide('paymentsUrl', pay.payments.url)
  return async () => {
    stopping = true
    worker.stop()
    await local.simulator.close()
    await mail.mailbox.close()
    await pay.payments.close()
    await rm(stateDir, { recursive: true, force: true })
  }
}
