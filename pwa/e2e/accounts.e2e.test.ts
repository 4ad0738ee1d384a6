import type { BrowserContext, CDPSession, Page } from 'playwright-core'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { emailLink, signUpFromNode, signUpInContext, submitSignUpForm } from './account.ts'
import { axeViolations } from './axe.ts'
import { type OpenPage, openPage } from './browser.ts'

const baseUrl = inject('baseUrl')
const at = (path: string) => new URL(path, baseUrl).toString()

/** Pages load data over the network; give them longer than the e2e project's poll default. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 })
const heading = (page: Page) => page.locator('main h1').first()

const expectAxeClean = async (page: Page, name: string) => {
  await page.waitForLoadState('networkidle')
  expect(await axeViolations(page), name).toEqual([])
}

describe('accounts people can keep', () => {
  let opened: OpenPage | undefined
  let context: BrowserContext
  let page: Page

  const open = async () => {
    opened = await openPage()
    ;({ context, page } = opened)
  }

  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('should sign up, say why generating waits, and give the credits once the emailed link is followed', async () => {
    await open()
    await page.goto(at('/sign-up'))
    const account = await submitSignUpForm(page)
    await page.waitForURL(at('/history'))
    const notice = page.getByRole('region', { name: 'Verify your email' })
    await poll(() => notice.textContent()).toContain(account.email)
    await expectAxeClean(page, 'verify notice')

    const before = await page.evaluate(() => fetch('/api/me').then((r) => r.json()))
    expect(before.balances).toEqual({ 'product-shoot': 0, 'ad-graphic': 0 })
    await notice.getByRole('button', { name: 'Resend the email' }).click()
    await poll(() => notice.getByRole('status').textContent()).toContain('Sent.')

    await page.goto(await emailLink(account.email, /^Verify your email/))
    await page.waitForURL(at('/history'))
    await page.goto(at('/profile'))
    await poll(() => page.getByText('Email verified.').isVisible()).toBe(true)
    const me = await page.evaluate(() => fetch('/api/me').then((r) => r.json()))
    expect(me.balances).toEqual({ 'product-shoot': 1, 'ad-graphic': 1 })
    await poll(() => notice.count()).toBe(0)
  })

  it('should reset a forgotten password through the emailed link and sign in with the new one', async () => {
    const account = await signUpFromNode(baseUrl)
    await open()
    await page.goto(at('/sign-in'))
    await page.getByRole('link', { name: 'Forgot password?' }).click()
    await poll(() => heading(page).textContent()).toBe('Reset your password')
    await expectAxeClean(page, 'forgot password')
    await page.getByLabel('Email').fill(account.email)
    await page.getByRole('button', { name: 'Send the link' }).click()
    await poll(() => page.getByText(/we've emailed it a link/).isVisible()).toBe(true)

    await page.goto(await emailLink(account.email, /^Reset your Addreams password/))
    await poll(() => heading(page).textContent()).toBe('Choose a new password')
    expect(new URL(page.url()).pathname).toBe('/reset-password')
    const password = page.getByLabel('New password', { exact: true })
    await password.fill('password1')
    await poll(() => page.locator('#password-rules li.met').count()).toBe(1)
    await expectAxeClean(page, 'reset password')
    await password.fill('a fresh new passphrase')
    await page.getByLabel('Confirm new password').fill('a fresh new passphrase')
    await page.getByRole('button', { name: 'Set new password' }).click()
    await page.waitForURL(at('/history'))
    const me = await page.evaluate(() => fetch('/api/me').then((r) => r.json()))
    expect(me.user.email).toBe(account.email)
    const old = await fetch(at('/api/auth/get-session'), { headers: { cookie: account.cookie } })
    expect(await old.json()).toBeNull()
  })

  it('should add a passkey in Profile and sign in with it from the sign-in page', async () => {
    // Browsers refuse an IP address as a passkey's site: this test uses the app at localhost.
    const local = new URL(baseUrl)
    local.hostname = 'localhost'
    const here = (path: string) => new URL(path, local).toString()
    await open()
    const cdp: CDPSession = await context.newCDPSession(page)
    await cdp.send('WebAuthn.enable')
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    })
    await signUpInContext(context, local.origin)
    await page.goto(here('/profile'))
    const passkeys = page.locator('app-passkeys')
    await poll(() => passkeys.getByText('No passkeys yet.').isVisible()).toBe(true)
    await passkeys.getByRole('button', { name: 'Add a passkey' }).click()
    await poll(() => passkeys.getByRole('status').textContent()).toContain('Passkey added.')
    await poll(() => passkeys.getByRole('button', { name: /^Remove / }).count()).toBe(1)
    await expectAxeClean(page, 'profile with a passkey')

    const menu = page.locator('app-account-menu')
    await menu.getByRole('button', { name: /Account menu for/ }).click()
    await poll(() => menu.getByRole('link', { name: 'Settings' }).isVisible()).toBe(true)
    await expectAxeClean(page, 'account menu')
    await menu.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(here('/'))

    await page.goto(here('/sign-in'))
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click()
    await page.waitForURL(here('/history'))
    await page.goto(here('/profile'))
    await passkeys.getByRole('button', { name: /^Remove / }).click()
    await page.getByRole('button', { name: 'Remove passkey' }).click()
    await poll(() => passkeys.getByText('No passkeys yet.').isVisible()).toBe(true)
  })
})
