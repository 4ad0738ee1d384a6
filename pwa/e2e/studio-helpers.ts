import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** The studio's step heading. */
export const stepTitle = (page: Page) => page.locator('page-studio h2#step-title')
/** The studio's primary button (Next, Generate, Queue). */
export const primary = (page: Page) => page.locator('page-studio .bar .primary')
/** The result view's state text; empty while the view is not there. */
export const resultState = (page: Page) =>
  page
    .locator('page-studio studio-result [role="status"]')
    .first()
    .textContent({ timeout: 2_000 })
    .catch(() => '')

/** The outbox as stored in IndexedDB, read with raw IndexedDB (no test hooks in the app). */
export const storedOutbox = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ id: string; state: string; prompt: unknown }[]>((resolve, reject) => {
        const open = indexedDB.open('addreams')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const all = open.result.transaction('outbox').objectStore('outbox').getAll()
          all.onerror = () => reject(all.error)
          all.onsuccess = () => {
            open.result.close()
            resolve(
              (all.result as { id: string; state: string; request?: { prompt: unknown } }[]).map(
                (e) => ({ id: e.id, state: e.state, prompt: e.request?.prompt })
              )
            )
          }
        }
      })
  )

/** Waits until the service worker controls the page (an installed app, which works offline). */
export const installed = async (page: Page) => {
  await page.evaluate(() => navigator.serviceWorker.ready)
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: 15_000,
    })
    .toBe(true)
}

/** From the Ad Graphic studio's first step to Review with `prompt`. */
export const walkToReview = async (page: Page, prompt: string) => {
  await expect.poll(() => stepTitle(page).textContent(), { timeout: 15_000 }).toBe('Describe')
  await page.locator('studio-text-field#prompt textarea').fill(prompt)
  await primary(page).click()
  await expect.poll(() => stepTitle(page).textContent()).toBe('Format')
  await primary(page).click()
  await expect.poll(() => stepTitle(page).textContent()).toBe('Review')
}
