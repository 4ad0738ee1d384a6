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
