import { describe, expect, it } from 'vitest'
import { IMAGE_CACHE_MAX_BYTES, imageCacheBudget } from './image-cache.ts'

const MB = 1_000_000

describe('imageCacheBudget', () => {
  it('should take a tenth of a small quota', () => {
    expect(imageCacheBudget(500 * MB)).toBe(50 * MB)
  })

  it('should stop at the fixed cap on a large quota', () => {
    expect(imageCacheBudget(100_000 * MB)).toBe(IMAGE_CACHE_MAX_BYTES)
  })

  it('should fall back to a modest budget where the quota is unknown', () => {
    expect(imageCacheBudget(undefined)).toBe(50 * MB)
  })
})
