import { describe, expect, it } from 'vitest'
import { dimensionError, lowResolutionWarning, photoType, preparedSize } from './photo-rules.ts'

describe('photoType', () => {
  it('should accept the listed types and fall back to the extension', () => {
    expect(photoType({ type: 'image/webp', name: 'a' })).toBe('image/webp')
    expect(photoType({ type: '', name: 'IMG.JPG' })).toBe('image/jpeg')
    expect(photoType({ type: '', name: 'scan.tif' })).toBe('image/tiff')
  })
  it('should refuse other types', () => {
    expect(photoType({ type: 'image/heic', name: 'a.heic' })).toBeUndefined()
    expect(photoType({ type: '', name: 'notes.txt' })).toBeUndefined()
  })
})

describe('dimensionError', () => {
  it('should refuse a short side under 384 px', () => {
    expect(dimensionError(383, 900)).toBe(
      'This photo is 383 × 900 px. Each side must be at least 384 px.'
    )
  })
  it('should refuse photos longer than 8 times their short side', () => {
    expect(dimensionError(400, 3201)).toMatch(/too long and narrow/)
    expect(dimensionError(400, 3200)).toBeUndefined()
  })
})

describe('preparedSize', () => {
  it('should scale the long side down to 2048 px', () => {
    expect(preparedSize(4032, 3024)).toEqual({ width: 2048, height: 1536 })
  })
  it('should never scale up', () => {
    expect(preparedSize(800, 600)).toEqual({ width: 800, height: 600 })
  })
  it('should keep the short side at 384 px or more', () => {
    expect(preparedSize(500, 4000)).toEqual({ width: 384, height: 3072 })
  })
})

describe('lowResolutionWarning', () => {
  it('should warn under 512 px and stay quiet from 512 px', () => {
    expect(lowResolutionWarning(400, 800)).toBe(
      'This photo is 400 × 800 px. Photos under 512 px on a side may give blurry results.'
    )
    expect(lowResolutionWarning(512, 800)).toBeUndefined()
  })
})
