import './zod-without-eval.ts'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as z from 'zod'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('zod without eval', () => {
  it('should make zod parse without ever trying new Function', () => {
    expect(z.config().jitless).toBe(true)
    const probe = vi.spyOn(globalThis, 'Function')
    expect(z.object({ name: z.string(), n: z.int() }).parse({ name: 'a', n: 1 })).toEqual({
      name: 'a',
      n: 1,
    })
    expect(probe).not.toHaveBeenCalled()
  })
})
