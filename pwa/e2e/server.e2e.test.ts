import { apiErrorBodySchema, healthSchema, readinessSchema } from '@app/shared-types'
import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, inject, it } from 'vitest'

const url = (path: string) => new URL(path, inject('baseUrl')).toString()

describe('npm start (one Worker serving API and PWA)', () => {
  /** @see CI: browser tests found no session once the suite had spent the address's auth calls. */
  it('should leave the auth calls of the suite’s browsers, all on one address, unlimited', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 150 }, () =>
        fetch(url('/api/auth/get-session')).then((res) => res.status)
      )
    )
    expect(statuses.filter((status) => status === 429)).toEqual([])
  })

  it('should answer liveness and readiness', async () => {
    const health = await fetch(url('/api/health'))
    expect(health.status).toBe(200)
    expect(healthSchema.parse(await health.json()).status).toBe('ok')
    const ready = await fetch(url('/api/health/ready'))
    expect(ready.status).toBe(200)
    expect(readinessSchema.parse(await ready.json()).checks).toEqual({ d1: 'ok', r2: 'ok' })
  })

  it('should serve the app shell at / and for deep links (SPA fallback)', async () => {
    for (const path of ['/', '/history', '/studio/product-shoot', '/no/such/page']) {
      const res = await fetch(url(path), { headers: { accept: 'text/html' } })
      expect(res.status, path).toBe(200)
      expect(await res.text(), path).toContain('<app-root>')
    }
  })

  it('should answer an unknown API route with the shared envelope, not the shell', async () => {
    const res = await fetch(url('/api/nope'))
    expect(res.status).toBe(404)
    const { error } = apiErrorBodySchema.parse(await res.json())
    expect(error.code).toBe('NOT_FOUND')
    expect(error.requestId).toBe(res.headers.get('x-request-id'))
  })

  it('should publish a valid OpenAPI 3.1 document', async () => {
    const res = await fetch(url('/api/openapi.json'))
    expect(res.status).toBe(200)
    const result = await new Validator().validate(await res.json())
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('should serve the service worker and the web app manifest', async () => {
    const sw = await fetch(url('/sw.js'))
    expect(sw.status).toBe(200)
    expect(sw.headers.get('content-type')).toMatch(/javascript/)
    const manifest = await fetch(url('/manifest.webmanifest'))
    expect(manifest.status).toBe(200)
    expect(await manifest.json()).toMatchObject({ name: 'Addreams', display: 'standalone' })
  })
})
