import { randomUUID } from 'node:crypto'
import type { BrowserContext, Page } from 'playwright-core'
import { inject } from 'vitest'
import { waitForEmailLink } from '../../scripts/lib/mailbox.mjs'

/** A new account's credentials; the email is unique per call. */
export const newAccount = () => ({
  name: 'E2E Tester',
  email: `e2e-${randomUUID()}@example.com`,
  password: 'correct horse battery',
})

/** Fills the sign-up form the page shows with a new account and submits it; returns the account. */
export const submitSignUpForm = async (page: Page) => {
  const account = newAccount()
  await page.getByLabel('Name').fill(account.name)
  await page.getByLabel('Email').fill(account.email)
  await page.getByLabel('Password', { exact: true }).fill(account.password)
  await page.getByLabel('Confirm password').fill(account.password)
  await page.getByRole('button', { name: 'Create account' }).click()
  return account
}

/** A random client IP, so the per-IP auth rate limits of one test never hit another. */
export const randomIp = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`

/** The first link of the newest email to `to` whose subject matches, from the local mailbox. */
export const emailLink = (to: string, subject: RegExp): Promise<string> =>
  waitForEmailLink(inject('mailboxUrl'), to, subject)

/**
 * Creates an account through the real API with the browser context's cookie jar, so pages opened
 * in `context` are signed in. By default it is verified as a person does it (the verification
 * email's link from the local mailbox), which gives the welcome credits; `verified: false` leaves
 * it unverified. A random client IP keeps the sign-up rate limit per test.
 */
export const signUpInContext = async (
  context: BrowserContext,
  baseUrl: string,
  { verified = true }: { verified?: boolean } = {}
) => {
  const account = newAccount()
  const res = await context.request.post(new URL('/api/auth/sign-up/email', baseUrl).toString(), {
    data: account,
    headers: { origin: baseUrl, 'cf-connecting-ip': randomIp() },
  })
  if (!res.ok()) throw new Error(`sign-up failed: ${res.status()} ${await res.text()}`)
  if (verified) {
    const link = await emailLink(account.email, /^Verify your email/)
    const answer = await context.request.get(link, {
      maxRedirects: 0,
      headers: { 'cf-connecting-ip': randomIp() },
    })
    if (answer.status() !== 302) throw new Error(`verification failed: ${answer.status()}`)
  }
  return account
}

/** The `name=value` pairs of a response's Set-Cookie headers, ready for a Cookie header. */
const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ')

/**
 * Creates an account from Node (no browser signed in) and returns it with its session cookie;
 * verified through the emailed link unless `verified: false`, as `signUpInContext` does.
 */
export const signUpFromNode = async (
  baseUrl: string,
  { verified = true }: { verified?: boolean } = {}
) => {
  const account = newAccount()
  const res = await fetch(new URL('/api/auth/sign-up/email', baseUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: baseUrl,
      'cf-connecting-ip': randomIp(),
    },
    body: JSON.stringify(account),
  })
  if (!res.ok) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`)
  const cookie = cookieOf(res)
  if (verified) {
    const link = await emailLink(account.email, /^Verify your email/)
    const answer = await fetch(link, {
      redirect: 'manual',
      headers: { cookie, 'cf-connecting-ip': randomIp() },
    })
    if (answer.status !== 302) throw new Error(`verification failed: ${answer.status}`)
  }
  return { ...account, cookie }
}

/**
 * Ends the page's session on the server only, as an expiry would: the device still believes it is
 * signed in, so its next check shows the session-ended screen.
 */
export const endSessionOnServer = async (page: Page): Promise<void> => {
  await page.evaluate(() =>
    fetch('/api/auth/sign-out', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
  )
}
