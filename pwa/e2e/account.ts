import { randomUUID } from 'node:crypto'
import type { BrowserContext, Page } from 'playwright-core'

/** A new account's credentials; the email is unique per call. */
export const newAccount = () => ({
  name: 'E2E Tester',
  email: `e2e-${randomUUID()}@example.com`,
  password: 'correct horse battery',
})

/**
 * Creates an account through the real API with the browser context's cookie jar, so pages opened
 * in `context` are signed in. A random client IP keeps the sign-up rate limit per test.
 */
export const signUpInContext = async (context: BrowserContext, baseUrl: string) => {
  const account = newAccount()
  const res = await context.request.post(new URL('/api/auth/sign-up/email', baseUrl).toString(), {
    data: account,
    headers: {
      origin: baseUrl,
      'cf-connecting-ip': `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    },
  })
  if (!res.ok()) throw new Error(`sign-up failed: ${res.status()} ${await res.text()}`)
  return account
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
