import { ORIGIN } from './accounts.ts'
import { call } from './api.ts'

/** Posts a generation as the PWA does: multipart with a `request` JSON part and `reference` files. */
export const postGeneration = (
  cookie: string,
  request: unknown,
  opts: { key?: string; references?: Uint8Array[]; requestPart?: string } = {}
) => {
  const form = new FormData()
  form.set('request', opts.requestPart ?? JSON.stringify(request))
  for (const [i, bytes] of (opts.references ?? []).entries()) {
    form.append('reference', new File([bytes], `photo-${i}.jpg`, { type: 'image/jpeg' }))
  }
  return call('/api/generations', {
    method: 'POST',
    headers: { cookie, origin: ORIGIN, 'idempotency-key': opts.key ?? crypto.randomUUID() },
    body: form,
  })
}

/** A valid ad-graphic request. */
export const adGraphic = (overrides: Record<string, unknown> = {}) => ({
  workflow: 'ad-graphic',
  prompt: 'Fresh bread on a rustic table, headline "Fresh Bread Daily"',
  size: '1328*1328',
  ...overrides,
})
