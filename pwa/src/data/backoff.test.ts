import { describe, expect, it } from 'vitest'
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffDelay } from './backoff.ts'

describe('backoffDelay', () => {
  it('should double the ceiling per attempt up to the cap, with full jitter', () => {
    const top = () => 0.999_999
    expect(backoffDelay(1, undefined, top)).toBeLessThan(BACKOFF_BASE_MS)
    expect(backoffDelay(3, undefined, top)).toBeGreaterThan(BACKOFF_BASE_MS * 3)
    expect(backoffDelay(30, undefined, top)).toBeLessThanOrEqual(BACKOFF_CAP_MS)
    expect(backoffDelay(30, undefined, () => 0)).toBe(0)
  })

  it('should wait at least as long as Retry-After', () => {
    expect(backoffDelay(1, 90_000, () => 0.5)).toBe(90_000)
  })
})
