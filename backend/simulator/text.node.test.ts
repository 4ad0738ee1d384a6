import { describe, expect, it } from 'vitest'
import { createRaster } from './raster.ts'
import { drawableText, drawText, textWidth, wrapText } from './text.ts'

const WHITE = [255, 255, 255] as const

describe('text', () => {
  it('should keep only what the font draws, in capitals', () => {
    expect(drawableText('Café “crème” — 50% off!')).toBe('CAFE "CREME" 50% OFF!')
    expect(drawableText('一杯 coffee')).toBe('COFFEE')
  })

  it('should wrap words to a width', () => {
    const width = textWidth('FRESH BREAD', 10)
    expect(wrapText('FRESH BREAD DAILY', 10, width)).toEqual(['FRESH BREAD', 'DAILY'])
  })

  it('should draw a legible letter: an H 70 px tall has two stems and a crossbar', () => {
    const raster = createRaster(60, 80)
    drawText(raster, 'H', 0, 0, 70, WHITE)
    const lit = (x: number, y: number) => (raster.rgb[(y * raster.width + x) * 3] as number) > 200
    expect(textWidth('H', 70)).toBeCloseTo(50)
    expect([lit(5, 10), lit(45, 10), lit(5, 60), lit(45, 60)]).toEqual([true, true, true, true])
    expect([lit(25, 35), lit(25, 10), lit(25, 60), lit(55, 35)]).toEqual([
      true,
      false,
      false,
      false,
    ])
  })
})
