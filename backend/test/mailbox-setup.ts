import path from 'node:path'
import { runnerImport } from 'vite'
import type { TestProject } from 'vitest/node'

/**
 * The local mailbox the Worker under test sends its emails to, on the port vitest.config.ts chose
 * (the Worker's RESEND_BASE_URL is a binding, fixed before this setup runs).
 */
export default async function setup(project: TestProject) {
  const { module } = await runnerImport<typeof import('../mailbox/server.ts')>(
    path.join(import.meta.dirname, '../mailbox/server.ts')
  )
  const mailbox = await module.startMailbox({
    port: Number(process.env.ADDREAMS_TEST_MAILBOX_PORT),
  })
  project.provide('mailboxUrl', mailbox.url)
  return () => mailbox.close()
}
