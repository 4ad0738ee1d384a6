import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** Shares one PNG to the app the way another app does: a POST to the service worker's share target. */
export const shareToApp = async (page: Page, png: Buffer) => {
  // The share target lives in the service worker, so it must control the page first.
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: 15_000,
    })
    .toBe(true)
  await page.evaluate(
    (bytes) => {
      const form = document.createElement('form')
      form.method = 'POST'
      form.action = '/share-target'
      form.enctype = 'multipart/form-data'
      const input = document.createElement('input')
      input.type = 'file'
      input.name = 'photos'
      const files = new DataTransfer()
      files.items.add(new File([new Uint8Array(bytes)], 'shared.png', { type: 'image/png' }))
      input.files = files.files
      form.append(input)
      document.body.append(form)
      form.submit()
    },
    [...png]
  )
}
