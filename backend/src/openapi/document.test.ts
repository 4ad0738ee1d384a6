import { describe, expect, it } from 'vitest'
import { call } from '../../test/api.ts'
import { app } from '../index.ts'

describe('GET /api/openapi.json', () => {
  it('should document every route the app has, and only those', async () => {
    const res = await call('/api/openapi.json')
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { openapi: string; paths: Record<string, object> }
    expect(doc.openapi).toBe('3.1.0')
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort()
    const real = [
      ...new Set(
        app.routes
          .filter((r) => r.method !== 'ALL' && r.path !== '/api/openapi.json')
          .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
      ),
    ]
    // better-auth's mount is one wildcard per method: it must be documented by at least one path.
    const [wildcards, exact] = [
      real.filter((r) => r.endsWith('/*')),
      real.filter((r) => !r.endsWith('/*')),
    ]
    for (const wildcard of wildcards) {
      expect(
        documented.some((d) => d.startsWith(wildcard.slice(0, -1))),
        wildcard
      ).toBe(true)
    }
    const underWildcards = (d: string) => wildcards.some((w) => d.startsWith(w.slice(0, -1)))
    expect(documented.filter((d) => !underWildcards(d))).toEqual(exact.sort())
  })
})

describe('the auth part of the OpenAPI document', () => {
  it('should document verification, password reset and passkeys', async () => {
    const doc = (await (await call('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
    }
    const has = (method: string, path: string) => Boolean(doc.paths[`/api/auth${path}`]?.[method])
    for (const [method, path] of [
      ['post', '/send-verification-email'],
      ['get', '/verify-email'],
      ['post', '/request-password-reset'],
      ['get', '/reset-password/{token}'],
      ['post', '/reset-password'],
      ['get', '/passkey/generate-register-options'],
      ['post', '/passkey/verify-registration'],
      ['get', '/passkey/generate-authenticate-options'],
      ['post', '/passkey/verify-authentication'],
      ['get', '/passkey/list-user-passkeys'],
      ['post', '/passkey/delete-passkey'],
    ] as const) {
      expect(has(method, path), `${method} ${path}`).toBe(true)
    }
    const refused = JSON.stringify(doc.paths['/api/generations']?.post?.responses['403'])
    expect(refused).toContain('EMAIL_NOT_VERIFIED')
  })
})
