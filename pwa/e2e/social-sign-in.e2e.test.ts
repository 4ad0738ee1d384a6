import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../../scripts/lib/free-port.mjs'
import { migrateLocal } from '../../scripts/lib/migrations.mjs'
import { startWorker } from '../../scripts/lib/worker.mjs'
import { launchBrowser } from './browser.ts'

/** Where each provider's consent screen lives; the test stands in for it. */
const CONSENT = {
  google: 'https://accounts.google.com/**',
  github: 'https://github.com/login/oauth/**',
} as const

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 })

/**
 * A canceled consent, end to end on our side: the app's button, our Worker and better-auth, and
 * the provider's real answer to a cancel (a redirect to our callback with `error=access_denied`
 * and the state), played by the browser in place of Google's and GitHub's servers.
 *
 * @see the security issue: a canceled consent ended on better-auth's own error page.
 */
describe('social sign-in canceled at the provider', () => {
  let stop: () => void = () => undefined
  let stateDir = ''
  let origin = ''
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page

  beforeAll(async () => {
    // Social sign-in needs the providers configured, which the shared e2e Worker is not.
    stateDir = await mkdtemp(path.join(tmpdir(), 'addreams-e2e-social-'))
    await migrateLocal(stateDir, { quiet: true })
    const worker = await startWorker({
      port: await freePort(),
      stateDir,
      quiet: true,
      vars: {
        BETTER_AUTH_SECRET: 'e2e-only-secret-0123456789abcdef-0123456789',
        GOOGLE_CLIENT_ID: 'e2e-google-client',
        GOOGLE_CLIENT_SECRET: 'e2e-google-secret',
        GITHUB_CLIENT_ID: 'e2e-github-client',
        GITHUB_CLIENT_SECRET: 'e2e-github-secret',
      },
    })
    stop = worker.stop
    origin = worker.origin
    browser = await launchBrowser()
    page = await browser.context.newPage()
  })
  afterAll(async () => {
    await browser?.close()
    stop()
    await rm(stateDir, { recursive: true, force: true })
  })

  it.each([
    ['github', 'GitHub', '/sign-in?redirect=%2Fprofile', 'Continue with GitHub'],
    ['google', 'Google', '/sign-up', 'Continue with Google'],
  ] as const)(
    'should bring a user who canceled at %s back to the app, saying so',
    async (provider, name, start, button) => {
      const seen: URL[] = []
      await browser.context.route(CONSENT[provider], async (route) => {
        const asked = new URL(route.request().url())
        seen.push(asked)
        const callback = new URL(asked.searchParams.get('redirect_uri') ?? '')
        callback.searchParams.set('error', 'access_denied')
        callback.searchParams.set(
          'error_description',
          'The user has denied your application access.'
        )
        callback.searchParams.set('state', asked.searchParams.get('state') ?? '')
        await route.fulfill({ status: 302, headers: { location: callback.toString() } })
      })
      await page.goto(new URL(start, origin).toString())
      await page.getByRole('button', { name: button }).click()
      await poll(async () => new URL(page.url()).searchParams.get('error')).toBe('access_denied')
      expect(seen).toHaveLength(1)
      expect(seen[0]?.searchParams.get('redirect_uri')).toBe(
        `${origin}/api/auth/callback/${provider}`
      )
      const url = new URL(page.url())
      expect(url.origin + url.pathname).toBe(new URL(start, origin).origin + start.split('?')[0])
      if (start.includes('redirect')) expect(url.searchParams.get('redirect')).toBe('/profile')
      await poll(() => page.getByRole('alert').first().textContent()).toBe(
        `You canceled signing in with ${name}. Nothing was shared with Addreams. Try again, or use your email and password.`
      )
      await browser.context.unroute(CONSENT[provider])
    }
  )
})
