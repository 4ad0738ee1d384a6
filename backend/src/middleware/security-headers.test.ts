import { env } from 'cloudflare:workers'
import { createGenerationResponseSchema } from '@app/shared-types'
import { describe, expect, it } from 'vitest'
import { getWith, signUp } from '../../test/accounts.ts'
import { call } from '../../test/api.ts'
import { postGeneration } from '../../test/generations.ts'
import { fakeImage } from '../../test/images.ts'
import { app } from '../index.ts'

const expectApiHeaders = (res: Response) => {
  const csp = res.headers.get('content-security-policy') ?? ''
  expect(csp).toContain("default-src 'none'")
  expect(csp).toContain("frame-ancestors 'none'")
  expect(res.headers.get('x-frame-options')).toBe('DENY')
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('referrer-policy')).toBe('no-referrer')
  expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin')
  expect(res.headers.get('permissions-policy')).toContain('camera=()')
}

describe('security headers on /api/*', () => {
  it('should be on answers, errors, better-auth and images alike', async () => {
    expectApiHeaders(await call('/api/health'))
    expectApiHeaders(await call('/api/nope'))
    expectApiHeaders(await call('/api/me'))
    expectApiHeaders(await call('/api/auth/get-session'))
    const { cookie } = await signUp()
    expectApiHeaders(await getWith('/api/me', cookie))
    const res = await postGeneration(
      cookie,
      { workflow: 'product-shoot', prompt: 'On marble' },
      { references: [fakeImage.png(600, 600)] }
    )
    const { id } = createGenerationResponseSchema.parse(await res.json()).generation
    const photo = await getWith(`/api/generations/${id}/references/0`, cookie)
    expect(photo.status).toBe(200)
    expectApiHeaders(photo)
  })

  it('should ask for HTTPS only when the product is served over it', async () => {
    expect((await call('/api/health')).headers.get('strict-transport-security')).toBeNull()
    const https = await app.request('https://addreams.example/api/health', {}, env)
    expect(https.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
  })
})
