import type { BrowserContext, Page } from 'playwright-core'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { type newAccount, signUpFromNode, signUpInContext, submitSignUpForm } from './account.ts'
import { launchBrowser, type OpenPage, openPage } from './browser.ts'

const baseUrl = inject('baseUrl')
const at = (path: string) => new URL(path, baseUrl).toString()

const octet = () => Math.floor(Math.random() * 250)
/** One client IP per browser, so the per-IP sign-in limit (3 in 10 s) never spans tests. */
const randomIp = () => `10.${octet()}.${octet()}.${octet()}`

/** Pages load data over the network; give them longer than the e2e project's poll default. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 })

const heading = (page: Page) => page.locator('main h1').first()

/** Creates an account through the API, without signing any browser in. */
const createAccount = () => signUpFromNode(baseUrl)

/** Signs the account in from Node (another device) and returns that session's cookie. */
const signInElsewhere = async (email: string, password: string): Promise<string> => {
  const res = await fetch(at('/api/auth/sign-in/email'), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: baseUrl,
      'cf-connecting-ip': randomIp(),
    },
    body: JSON.stringify({ email, password }),
  })
  expect(res.status).toBe(200)
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}

const fillSignIn = async (page: Page, email: string, password: string) => {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).last().click()
}

/** Row counts of the app's IndexedDB tables, and whether `meta` still names a user. */
const localData = (page: Page) =>
  page.evaluate(async () => {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('addreams')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const count = (store: string) =>
      new Promise<number>((resolve) => {
        const req = idb.transaction(store).objectStore(store).count()
        req.onsuccess = () => resolve(req.result)
      })
    const user = await new Promise<unknown>((resolve) => {
      const req = idb.transaction('meta').objectStore('meta').get('user')
      req.onsuccess = () => resolve(req.result)
    })
    const counts = {
      generations: await count('generations'),
      outbox: await count('outbox'),
      thumbnails: await count('thumbnails'),
      drafts: await count('drafts'),
      user: user !== undefined,
      imageCache: await caches.has('addreams-images'),
    }
    idb.close()
    return counts
  })

describe('signing in, out and back in', () => {
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

  it('should create an account through the form and land on History', async () => {
    await open()
    await page.goto(at('/sign-up'))
    const account = await submitSignUpForm(page)
    await page.waitForURL(at('/history'))
    await poll(() => heading(page).textContent()).toMatch(/History/)
    const me = await page.evaluate(() => fetch('/api/me').then((r) => r.json()))
    expect(me.user.email).toBe(account.email)
  })

  it('should check the fields on blur and show the wrong-password message', async () => {
    const account = await createAccount()
    await open()
    await page.goto(at('/sign-in'))
    await page.getByLabel('Email').fill('not-an-email')
    await page.getByLabel('Password', { exact: true }).focus()
    await poll(() => page.getByText('Enter a valid email address.').isVisible()).toBe(true)
    await fillSignIn(page, account.email, 'not the password')
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('Invalid email or password.')
    expect(new URL(page.url()).pathname).toBe('/sign-in')
  })

  it('should send a signed-out visit to /profile through sign-in and back', async () => {
    const account = await createAccount()
    await open()
    await page.goto(at('/profile'))
    await page.waitForURL(at('/sign-in?redirect=%2Fprofile'))
    await fillSignIn(page, account.email, account.password)
    await page.waitForURL(at('/profile'))
    await poll(() => heading(page).textContent()).toBe('Profile')
    await poll(() => page.locator('main').getByText(account.email).isVisible()).toBe(true)
  })

  /** @see the security issue: the URL parser turns `/\t/evil.example` into `//evil.example`. */
  it('should stay on this origin after a sign-in through ?redirect=/%09/evil.example', async () => {
    const account = await createAccount()
    await open()
    // Were the app to leave, it would land here rather than on a failed DNS look-up.
    await context.route('http://evil.example/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<h1>Evil</h1>' })
    )
    const hostile = at('/sign-in?redirect=/%09/evil.example')
    await page.goto(hostile)
    await fillSignIn(page, account.email, account.password)
    await poll(async () => page.url()).toBe(at('/history'))
    await poll(() => heading(page).textContent()).toMatch(/History/)
    // Signed in, the entry page itself forwards to the redirect.
    await page.goto(hostile)
    await poll(async () => page.url()).toBe(at('/history'))
    await poll(() => heading(page).textContent()).toMatch(/History/)
  })

  it('should warn about unsent requests, then wipe the device on sign-out', async () => {
    await open()
    await signUpInContext(context, baseUrl)
    await page.goto(at('/profile'))
    await poll(() => heading(page).textContent()).toBe('Profile')
    await poll(async () => (await localData(page)).user).toBe(true)
    // A request the server refused stays on the device until the user edits or drops it.
    await page.evaluate(async () => {
      const idb = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('addreams')
        open.onsuccess = () => resolve(open.result)
      })
      await new Promise<void>((resolve) => {
        const tx = idb.transaction('outbox', 'readwrite')
        tx.objectStore('outbox').put({
          id: crypto.randomUUID(),
          op: 'generate',
          workflow: 'ad-graphic',
          request: { workflow: 'ad-graphic', prompt: 'A lemon soda ad', size: '1328*1328' },
          references: [],
          createdAt: new Date().toISOString(),
          attempts: 1,
          nextAttemptAt: 0,
          state: 'rejected',
          lastError: { code: 'OUT_OF_CREDITS', message: 'Not enough credits', status: 402 },
          schemaVersion: 1,
        })
        tx.oncomplete = () => resolve()
      })
      idb.close()
      const cache = await caches.open('addreams-images')
      await cache.put(`/api/generations/${crypto.randomUUID()}/images/0`, new Response('png'))
    })

    const signOut = page.getByRole('button', { name: 'Sign out', exact: true })
    await signOut.click()
    const dialog = page.getByRole('dialog')
    await poll(() => dialog.textContent()).toContain("1 request hasn't been sent yet.")
    expect(await dialog.textContent()).toContain('Signing out deletes them from this device.')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect((await localData(page)).outbox).toBe(1)
    expect(new URL(page.url()).pathname).toBe('/profile')

    await signOut.click()
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out anyway' }).click()
    await page.waitForURL(at('/'))
    expect(await localData(page)).toEqual({
      generations: 0,
      outbox: 0,
      thumbnails: 0,
      drafts: 0,
      user: false,
      imageCache: false,
    })
    // The server session ends right after the wipe, which never waits on the network.
    await poll(() => page.evaluate(() => fetch('/api/me').then((r) => r.status))).toBe(401)
  })

  it('should show the session-ended screen after a server-side sign-out, and come back', async () => {
    await open()
    const account = await signUpInContext(context, baseUrl)
    await page.goto(at('/profile'))
    await poll(() => page.locator('main').getByText(account.email).isVisible()).toBe(true)

    const other = await signInElsewhere(account.email, account.password)
    const revoke = await fetch(at('/api/auth/revoke-other-sessions'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl, cookie: other },
      body: '{}',
    })
    expect(revoke.status).toBe(200)

    await page.reload()
    await poll(() => heading(page).textContent()).toBe('Your session has ended.')
    expect(await page.getByText('Requests waiting on this device are kept.').isVisible()).toBe(true)
    await page.getByRole('link', { name: 'Sign in' }).last().click()
    await page.waitForURL(at('/sign-in?redirect=%2Fprofile'))
    await fillSignIn(page, account.email, account.password)
    await page.waitForURL(at('/profile'))
    await poll(() => heading(page).textContent()).toBe('Profile')
  })
})

describe("the profile's account controls", () => {
  let close: (() => Promise<void>) | undefined
  let page: Page
  let account: ReturnType<typeof newAccount>

  const meStatus = async (cookie: string) =>
    (await fetch(at('/api/me'), { headers: { cookie } })).status

  const devices = (page: Page) => page.locator('app-session-list li')

  afterEach(async () => {
    await close?.()
    close = undefined
  })

  const openSignedIn = async () => {
    const browser = await launchBrowser()
    close = browser.close
    await browser.context.setExtraHTTPHeaders({ 'cf-connecting-ip': randomIp() })
    account = await signUpInContext(browser.context, baseUrl)
    page = await browser.context.newPage()
    await page.goto(at('/profile'))
    await poll(() => page.getByText('This device', { exact: true }).isVisible()).toBe(true)
  }

  it('should list the devices, sign the others out (confirmed), and change the password', async () => {
    await openSignedIn()
    const other = await signInElsewhere(account.email, account.password)
    await page.reload()
    await poll(() => devices(page).count()).toBe(2)
    await page.getByRole('button', { name: 'Sign out of all other devices' }).click()
    await page
      .getByRole('dialog')
      .getByRole('button', { name: 'Sign out of all other devices' })
      .click()
    await poll(() => devices(page).count()).toBe(1)
    expect(await meStatus(other)).toBe(401)

    const third = await signInElsewhere(account.email, account.password)
    await page.getByLabel('Current password', { exact: true }).fill('not the password')
    await page.getByLabel('New password', { exact: true }).fill('a brand new password')
    await page.getByLabel('Confirm new password').fill('a brand new password')
    await page.getByRole('button', { name: 'Change password' }).click()
    await poll(() => page.getByText('Current password is incorrect.').isVisible()).toBe(true)

    await page.getByLabel('Current password', { exact: true }).fill(account.password)
    await page.getByRole('button', { name: 'Change password' }).click()
    await poll(() =>
      page.getByText('Password changed. Other devices were signed out.').isVisible()
    ).toBe(true)
    expect(await meStatus(third)).toBe(401)
    expect(await page.evaluate(() => fetch('/api/me').then((r) => r.status))).toBe(200)
  })

  it('should delete the account after the password, and leave nothing behind', async () => {
    await openSignedIn()
    await page.getByRole('button', { name: 'Delete account' }).click()
    const dialog = page.getByRole('dialog')
    await poll(() => dialog.textContent()).toContain("This can't be undone.")
    await dialog.getByLabel('Password').fill('not the password')
    await dialog.getByRole('button', { name: 'Delete account' }).click()
    await poll(() => dialog.getByText('Current password is incorrect.').isVisible()).toBe(true)
    await dialog.getByLabel('Password').fill(account.password)
    await dialog.getByRole('button', { name: 'Delete account' }).click()
    await page.waitForURL(at('/'))
    expect((await localData(page)).user).toBe(false)
    const signIn = await fetch(at('/api/auth/sign-in/email'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: baseUrl,
        'cf-connecting-ip': randomIp(),
      },
      body: JSON.stringify({ email: account.email, password: account.password }),
    })
    expect(signIn.status).toBe(401)
  })
})
