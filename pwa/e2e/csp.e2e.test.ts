import type { BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { emailLink, endSessionOnServer, submitSignUpForm } from './account.ts'
import { launchBrowser } from './browser.ts'
import { renderedCards } from './history-helpers.ts'
import { makePng } from './png.ts'
import { shareToApp } from './share-target.ts'

const baseUrl = inject('baseUrl')
const at = (path: string) => new URL(path, baseUrl).toString()

const poll = <T>(read: () => Promise<T>, timeout = 20_000) => expect.poll(read, { timeout })
const heading = (page: Page) => page.locator('main h1').first()
const stepTitle = (page: Page) => page.locator('page-studio h2#step-title')
const primary = (page: Page) => page.locator('page-studio .bar .primary')

/** What the browser says when a policy blocks something (CSP, Trusted Types, Permissions-Policy). */
const POLICY_TEXT =
  /content security policy|trusted ?type|trustedhtml|trustedscript|permissions.policy/i

/**
 * Every report of a blocked action, with the screen it happened on: `securitypolicyviolation`
 * events in the pages, and policy messages and errors of the pages and the service worker.
 */
const watchViolations = async (context: BrowserContext) => {
  const seen: string[] = []
  const state = { screen: 'start' }
  const note = (text: string) => seen.push(`${state.screen}: ${text}`)
  await context.exposeBinding('reportPolicyViolation', (_source, text: string) => note(text))
  await context.addInitScript(() => {
    addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as { reportPolicyViolation(text: string): void })
          .reportPolicyViolation
        report(
          `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`
        )
      },
      true
    )
  })
  context.on('console', (message) => {
    if (POLICY_TEXT.test(message.text())) note(`console: ${message.text()}`)
  })
  context.on('weberror', (error) => {
    if (POLICY_TEXT.test(error.error().message)) note(`error: ${error.error().message}`)
  })
  context.on('serviceworker', (worker) => {
    worker.on('console', (message) => {
      if (POLICY_TEXT.test(message.text())) note(`service worker: ${message.text()}`)
    })
  })
  return { seen, state }
}

/**
 * Stands in for the system share sheet, which headless Chromium lacks, so the app's own Share
 * button runs its real code up to `navigator.share`.
 */
const fakeShareSheet = (context: BrowserContext) =>
  context.addInitScript(() => {
    const shared: { name: string; type: string; size: number }[] = []
    Object.defineProperty(window, 'sharedFiles', { value: shared })
    Object.defineProperty(navigator, 'canShare', {
      configurable: true,
      value: (data?: ShareData) => Boolean(data?.files?.length),
    })
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: async (data: ShareData) => {
        for (const file of data.files ?? []) {
          shared.push({ name: file.name, type: file.type, size: file.size })
        }
      },
    })
  })

/** Whether the first image `images` finds has loaded. */
const firstImageLoaded = (images: Locator) =>
  images.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)

/** Goes through the studio's `steps` to Review, where Generate is ready. */
const goToReview = async (page: Page, steps: readonly string[]) => {
  for (const step of steps) {
    await primary(page).click()
    await poll(() => stepTitle(page).textContent()).toBe(step)
  }
  await poll(async () => (await primary(page).textContent())?.trim()).toBe('Generate · 1 credit')
}

/** Presses Generate and waits for the result view to say Ready with a loaded image. */
const generate = async (page: Page) => {
  await primary(page).click()
  const result = page.locator('page-studio studio-result')
  await poll(() => result.locator('p.state').first().textContent(), 60_000).toContain('Ready')
  await poll(() => firstImageLoaded(result.locator('.images img'))).toBe(true)
}

/** @see the security issue: the shell had no CSP; with one, no screen may trip it. */
describe('every screen under the shell’s Content Security Policy', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let context: BrowserContext
  let page: Page
  let violations: Awaited<ReturnType<typeof watchViolations>>

  /** Opens `path` as a full page load, checks it came with the CSP, and names the screen. */
  const open = async (screen: string, path: string) => {
    violations.state.screen = screen
    const res = await page.goto(at(path))
    expect(res?.headers()['content-security-policy'], screen).toContain(
      "require-trusted-types-for 'script'"
    )
  }

  beforeAll(async () => {
    browser = await launchBrowser()
    context = browser.context
    violations = await watchViolations(context)
    await fakeShareSheet(context)
    page = await context.newPage()
  })
  beforeEach(() => {
    violations.seen.length = 0
  })
  afterAll(async () => {
    await browser.close()
  })

  it('should trip nothing on the public screens', async () => {
    for (const [screen, path, title] of [
      ['landing', '/', 'Studio-quality product shots and ads, straight from your phone.'],
      ['sign-in', '/sign-in', 'Sign in'],
      ['privacy', '/privacy', 'Privacy'],
      ['terms', '/terms', 'Terms'],
      ['not found', '/no-such-page', 'Page not found.'],
      ['sign-up', '/sign-up', 'Create account'],
    ] as const) {
      await open(screen, path)
      await poll(() => heading(page).textContent()).toBe(title)
    }
    const account = await submitSignUpForm(page)
    await poll(async () => page.url()).toBe(at('/history'))
    await poll(() => page.getByText('No generations yet.', { exact: false }).isVisible()).toBe(true)
    // The emailed link verifies the address (the studios below spend its welcome credits), and
    // lands back in the app under the same policy.
    violations.state.screen = 'email verified'
    await page.goto(await emailLink(account.email, /^Verify your email/))
    await poll(async () => page.url()).toBe(at('/history'))
    await poll(() => page.getByRole('region', { name: 'Verify your email' }).count()).toBe(0)
    expect(violations.seen).toEqual([])
  })

  it('should trip nothing in both studios, from a real photo upload to the result', async () => {
    await open('product shoot', '/studio/product-shoot')
    await poll(() => stepTitle(page).textContent()).toBe('Photos')
    await page.locator('studio-photo-picker input[multiple]').setInputFiles({
      name: 'mug.png',
      mimeType: 'image/png',
      buffer: makePng(640, 480),
    })
    await poll(() => firstImageLoaded(page.locator('studio-photo-picker img'))).toBe(true)
    await goToReview(page, ['Direction', 'Review'])
    violations.state.screen = 'product shoot result'
    await generate(page)

    await open('ad graphic', '/studio/ad-graphic')
    await poll(() => stepTitle(page).textContent()).toBe('Describe')
    await page.locator('studio-text-field#prompt textarea').fill('A summer sale ad for lemon soda')
    await goToReview(page, ['Format', 'Review'])
    violations.state.screen = 'ad graphic result'
    await generate(page)
    expect(violations.seen).toEqual([])
  })

  it('should trip nothing in History and a detail, through download and share', async () => {
    await open('history', '/history')
    await poll(
      async () => (await renderedCards(page)).filter((c) => c.thumbnailLoaded).length
    ).toBe(2)
    const [shoot] = (await renderedCards(page)).filter((c) => c.text.includes('Product Shoot'))
    violations.state.screen = 'history detail'
    await page.locator(`history-card a[href="/history/${shoot?.id}"]`).click()
    await poll(() => firstImageLoaded(page.locator('history-images img'))).toBe(true)
    await poll(() => firstImageLoaded(page.locator('history-facts img'))).toBe(true)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download (PNG), Image 1' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^addreams-[0-9a-f]{8}-1\.png$/)
    await page.getByRole('button', { name: 'Share, Image 1' }).click()
    await poll(() =>
      page.evaluate(() => (window as unknown as { sharedFiles: { type: string }[] }).sharedFiles)
    ).toEqual([expect.objectContaining({ type: 'image/png' })])
    expect(violations.seen).toEqual([])
  })

  it('should trip nothing in Profile and Settings, an export included', async () => {
    await open('profile', '/profile')
    await poll(() => page.getByText('This device').isVisible()).toBe(true)
    await open('settings', '/settings')
    await poll(() => heading(page).textContent()).toBe('Settings')
    const [archive] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Export my history' }).click(),
    ])
    expect(archive.suggestedFilename()).toMatch(/\.zip$/)
    expect(violations.seen).toEqual([])
  })

  it('should trip nothing on Buy credits and the checkout’s return page', async () => {
    await open('buy credits', '/credits')
    await poll(() => heading(page).textContent()).toBe('Buy credits')
    await poll(() => page.getByRole('button', { name: 'Buy for $9.00' }).isEnabled()).toBe(true)
    await open('credits return', '/credits/return?purchase=cs_unknown')
    await poll(() => page.getByText("We couldn't find this purchase.").isVisible()).toBe(true)
    expect(violations.seen).toEqual([])
  })

  it('should trip nothing in the service worker: its data script for a share, and the offline shell', async () => {
    violations.state.screen = 'service worker'
    await open('product shoot', '/studio/product-shoot')
    await poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
    const [worker] = context.serviceWorkers()
    // The worker evaluated its data script at install, before anyone could listen there: listen
    // now, and make it forget the script, so that the share below evaluates it again.
    await worker?.evaluate(() => {
      const seen: string[] = []
      Object.defineProperty(self, 'policyViolations', { value: seen })
      self.addEventListener('securitypolicyviolation', (event) => {
        const report = event as SecurityPolicyViolationEvent
        seen.push(
          `${report.effectiveDirective} blocked ${report.blockedURI || 'inline'} at ${report.sourceFile}:${report.lineNumber} ${report.sample}`
        )
      })
      ;(self as unknown as { addreamsWorkerData: unknown }).addreamsWorkerData = undefined
    })

    violations.state.screen = 'share target'
    await shareToApp(page, makePng(800, 600))
    await poll(() => page.getByText('Image 2', { exact: true }).isVisible()).toBe(true)
    expect(
      await worker?.evaluate(
        () => (self as unknown as { addreamsWorkerData: unknown }).addreamsWorkerData !== undefined
      )
    ).toBe(true)
    expect(
      await worker?.evaluate(
        () => (self as unknown as { policyViolations: string[] }).policyViolations
      )
    ).toEqual([])

    violations.state.screen = 'offline shell'
    await context.setOffline(true)
    try {
      const res = await page.goto(at('/history'))
      expect(res?.fromServiceWorker()).toBe(true)
      expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
      await poll(() => heading(page).textContent()).toMatch(/History/)
      await poll(
        async () => (await renderedCards(page)).filter((c) => c.thumbnailLoaded).length
      ).toBe(2)
      await page.reload()
      await poll(() => heading(page).textContent()).toMatch(/History/)
    } finally {
      await context.setOffline(false)
    }
    expect(violations.seen).toEqual([])
  })

  it('should trip nothing on the session-ended screen', async () => {
    await open('history', '/history')
    await poll(() => heading(page).textContent()).toMatch(/History/)
    await endSessionOnServer(page)
    await open('session expired', '/history')
    await poll(() => heading(page).textContent()).toBe('Your session has ended.')
    expect(violations.seen).toEqual([])
  })

  it('should notice a blocked action, so that none seen above means none happened', async () => {
    violations.state.screen = 'canary'
    await page.evaluate(() => {
      const canary = document.createElement('p')
      canary.setAttribute('style', 'color: red')
      document.body.append(canary)
    })
    await poll(async () => violations.seen.some((v) => v.startsWith('canary: style-src'))).toBe(
      true
    )
  })
})
