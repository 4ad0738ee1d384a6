import { afterEach, describe, expect, it, vi } from 'vitest'
import { trustedScriptUrl } from './trusted-script-url.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('trustedScriptUrl', () => {
  it('should give the URL itself where the browser has no Trusted Types', () => {
    vi.stubGlobal('trustedTypes', undefined)
    expect(trustedScriptUrl('addreams-sw', '/sw.js')).toBe('/sw.js')
  })

  it('should vouch for its one URL through a policy of that name, and for nothing else', () => {
    const policies = new Map<string, (input: string) => string>()
    vi.stubGlobal('trustedTypes', {
      createPolicy: (name: string, rules: { createScriptURL(input: string): string }) => {
        policies.set(name, rules.createScriptURL)
        return { createScriptURL: (input: string) => `trusted:${rules.createScriptURL(input)}` }
      },
    })
    expect(trustedScriptUrl('addreams-sw', '/sw.js')).toBe('trusted:/sw.js')
    const vouch = policies.get('addreams-sw')
    expect(() => vouch?.('https://evil.example/sw.js')).toThrow(TypeError)
  })
})
