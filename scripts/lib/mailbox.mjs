import path from 'node:path'
import { runnerImport } from 'vite'
import { readDevVars } from './dev-vars.mjs'
import { root } from './paths.mjs'

/** The key the Worker sends to the local mailbox with; the mailbox only checks that there is one. */
export const MAILBOX_KEY = 're_local'

/** Whether a real Resend key is configured (in the environment or backend/.dev.vars). */
export const hasRealEmailKey = () =>
  Boolean(process.env.RESEND_API_KEY || readDevVars().RESEND_API_KEY)

/**
 * Starts the local mailbox in this process (TypeScript, loaded through Vite's module runner, like
 * the DashScope simulator) and returns it with the Worker variables that point at it.
 */
export const startLocalMailbox = async (port) => {
  const { module } = await runnerImport(path.join(root, 'backend/mailbox/server.ts'))
  const mailbox = await module.startMailbox({ port })
  return { mailbox, vars: mailboxVars(mailbox.url) }
}

/** The Worker variables that send its emails to the mailbox at `url` (Resend's protocol). */
export const mailboxVars = (url) => ({ RESEND_BASE_URL: url, RESEND_API_KEY: MAILBOX_KEY })

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The first link of the newest email to `to` whose subject matches `subject`, polling the mailbox
 * at `mailboxUrl` until it arrives (the Worker sends after it answers).
 */
export const waitForEmailLink = async (mailboxUrl, to, subject, { timeoutMs = 15_000 } = {}) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const res = await fetch(`${mailboxUrl}/messages?to=${encodeURIComponent(to)}`)
    const found = (await res.json()).find((email) => subject.test(email.subject))
    if (found?.links[0]) return found.links[0]
    await sleep(100)
  }
  throw new Error(`No email to ${to} matching ${subject} within ${timeoutMs} ms`)
}
