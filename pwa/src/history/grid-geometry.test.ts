import { afterEach, describe, expect, it, vi } from 'vitest'
import { rememberedGeometry, rememberGeometry } from './grid-geometry.ts'

describe('grid geometry', () => {
  afterEach(() => {
    localStorage.clear()
    vi.restoreAllMocks()
  })

  it('should give back the geometry remembered in a viewport of the same size', () => {
    rememberGeometry({ width: 358, top: 214 })
    expect(rememberedGeometry()).toEqual({ width: 358, top: 214 })
  })

  it('should remember nothing for a viewport of another size', () => {
    rememberGeometry({ width: 358, top: 214 })
    vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(window.innerWidth + 100)
    expect(rememberedGeometry()).toBeUndefined()
  })

  it('should know nothing where nothing was remembered, or what was kept is unreadable', () => {
    expect(rememberedGeometry()).toBeUndefined()
    localStorage.setItem('addreams:history-grid-geometry', '{not json')
    expect(rememberedGeometry()).toBeUndefined()
  })
})
