import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { endSessionOnServer, signUpInContext } from './account.ts'
import { axeViolations } from './axe.ts'
import { makeBottlePhoto } from './bottle-photo.ts'
import { launchBrowser } from './browser.ts'
import { createGeneration, renderedCards, settledStatus } from './history-helpers.ts'

const baseUrl = inject('baseUrl')
const at = (p: string) => new URL(p, baseUrl).toString()
/** Set by `npm run screenshots`: one PNG per screen goes there (docs/screenshots). */
const screenshotsDir = process.env.SCREENSHOTS_DIR
  ? path.resolve(process.env.SCREENSHOTS_DIR)
  : undefined

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 })
const heading = (page: Page) => page.locator('main h1').first()
const stepTitle = (page: Page) => page.locator('page-studio h2#step-title')
const primary = (page: Page) => page.locator('page-studio .bar .primary')
const firstDetailImageLoaded = (page: Page) =>
  page
    .locator('page-history-detail img')
    .first()
    .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)

/**
 * A photo of a bottle of olive oil, shot with the Product Hero Shot preset (docs/product.md §5.2).
 */
const PHOTO = makeBottlePhoto()
const HERO_DIRECTION =
  'Professional product hero shot, centered composition, studio quality, sharp focus, commercial photography'

/** Checks the screen with axe and, when asked for, saves it at phone size. */
const screen = async (page: Page, name: string) => {
  // Let transitions and late images settle so the picture and axe see the final state.
  await page.evaluate(() => document.fonts.ready)
  await page.waitForLoadState('networkidle')
  expect(await axeViolations(page), name).toEqual([])
  if (screenshotsDir) await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`) })
}

describe('every screen at 390 × 844', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page

  beforeAll(async () => {
    if (screenshotsDir) await mkdir(screenshotsDir, { recursive: true })
    browser = await launchBrowser()
    page = await browser.context.newPage()
  })
  afterAll(async () => {
    await browser.close()
  })

  it.each([
    ['landing', '/', 'Studio-quality product shots and ads, straight from your phone.'],
    ['sign-in', '/sign-in', 'Sign in'],
    ['sign-up', '/sign-up', 'Create account'],
    ['forgot-password', '/forgot-password', 'Reset your password'],
    [
      'reset-password',
      '/reset-password?token=a-token&email=you%40example.com',
      'Choose a new password',
    ],
    ['privacy', '/privacy', 'Privacy'],
    ['terms', '/terms', 'Terms'],
  ])('should show the signed-out %s screen without axe violations', async (name, p, title) => {
    await page.goto(at(p))
    await poll(() => heading(page).textContent()).toBe(title)
    await screen(page, name)
  })

  it('should show both steps of each studio without axe violations', async () => {
    await signUpInContext(browser.context, baseUrl)
    await page.goto(at('/studio/product-shoot'))
    await poll(() => stepTitle(page).textContent()).toBe('Photos')
    await screen(page, 'studio-product-shoot-1')
    await page.locator('studio-photo-picker input[multiple]').setInputFiles({
      name: 'olive-oil.png',
      mimeType: 'image/png',
      buffer: PHOTO,
    })
    await poll(() => page.getByText('Image 1', { exact: true }).isVisible()).toBe(true)
    await primary(page).click()
    await poll(() => stepTitle(page).textContent()).toBe('Direction')
    await screen(page, 'studio-product-shoot-2')

    await page.goto(at('/studio/ad-graphic'))
    await poll(() => stepTitle(page).textContent()).toBe('Describe')
    await screen(page, 'studio-ad-graphic-1')
    await page.locator('studio-text-field#prompt textarea').fill('A summer sale ad for lemon soda')
    await primary(page).click()
    await poll(() => stepTitle(page).textContent()).not.toBe('Describe')
    await screen(page, 'studio-ad-graphic-2')
  })

  it('should show History empty, with items, and a detail without axe violations', async () => {
    await page.goto(at('/history'))
    await poll(() => page.getByText('No generations yet.', { exact: false }).isVisible()).toBe(true)
    await screen(page, 'history-empty')

    const shoot = await createGeneration(page, 'product-shoot', HERO_DIRECTION, {
      photo: PHOTO,
      size: '1328*1328',
    })
    const ad = await createGeneration(
      page,
      'ad-graphic',
      'Summer sale for lemon soda, headline "Squeeze the Day"'
    )
    expect(await settledStatus(page, shoot)).toBe('succeeded')
    expect(await settledStatus(page, ad)).toBe('succeeded')
    await page.reload()
    await poll(async () => {
      const cards = await renderedCards(page)
      return cards.length === 2 && cards.every((c) => c.thumbnailLoaded)
    }).toBe(true)
    await screen(page, 'history')

    await page.goto(at(`/history/${ad}`))
    await poll(() => firstDetailImageLoaded(page)).toBe(true)
    await screen(page, 'history-detail')

    await page.goto(at(`/history/${shoot}`))
    await poll(() => firstDetailImageLoaded(page)).toBe(true)
    await screen(page, 'history-detail-product-shoot')
  })

  it.each([
    ['profile', '/profile', 'Profile'],
    ['settings', '/settings', 'Settings'],
    ['buy-credits', '/credits', 'Buy credits'],
    ['credits-return', '/credits/return?purchase=cs_unknown', 'Buying credits'],
    ['not-found', '/no-such-page', 'Page not found.'],
  ])('should show the signed-in %s screen without axe violations', async (name, p, title) => {
    await page.goto(at(p))
    await poll(() => heading(page).textContent()).toBe(title)
    if (name === 'profile') {
      await poll(() => page.getByText('This device', { exact: true }).isVisible()).toBe(true)
      await poll(() => page.getByText('Welcome credit').first().isVisible()).toBe(true)
    }
    if (name === 'credits-return') {
      await poll(() => page.getByText("We couldn't find this purchase.").isVisible()).toBe(true)
    }
    await screen(page, name)
  })

  it('should show the open account menu without axe violations', async () => {
    await page.goto(at('/history'))
    await poll(() => heading(page).textContent()).toMatch(/History/)
    await page
      .locator('app-account-menu')
      .getByRole('button', { name: /Account menu for/ })
      .click()
    await poll(() => page.getByRole('link', { name: 'Settings' }).isVisible()).toBe(true)
    await screen(page, 'account-menu')
    await page.keyboard.press('Escape')
  })

  it('should show the verify-email notice of a new account without axe violations', async () => {
    const other = await launchBrowser()
    try {
      const otherPage = await other.context.newPage()
      await signUpInContext(other.context, baseUrl, { verified: false })
      await otherPage.goto(at('/studio/ad-graphic'))
      await poll(() =>
        otherPage.getByRole('region', { name: 'Verify your email' }).isVisible()
      ).toBe(true)
      await screen(otherPage, 'verify-email')
    } finally {
      await other.close()
    }
  })

  it('should show the session-ended screen without axe violations', async () => {
    await page.goto(at('/history'))
    await poll(() => heading(page).textContent()).toMatch(/History/)
    await endSessionOnServer(page)
    await page.reload()
    await poll(() => heading(page).textContent()).toBe('Your session has ended.')
    await screen(page, 'session-expired')
  })
})
