import type { Rgb } from './color.ts'

/** 8-bit RGB pixels, row-major; clamped so that lighting maths never wraps around. */
export interface Raster {
  width: number
  height: number
  rgb: Uint8ClampedArray
}

/** A black raster; every renderer paints all of it first. */
export const createRaster = (width: number, height: number): Raster => ({
  width,
  height,
  rgb: new Uint8ClampedArray(width * height * 3),
})

/** Blends `color` over the pixel at `at` (its index × 3) with coverage `alpha` (0–1). */
export const blendAt = (raster: Raster, at: number, color: Rgb, alpha: number): void => {
  const { rgb } = raster
  rgb[at] += (color[0] - rgb[at]) * alpha
  rgb[at + 1] += (color[1] - rgb[at + 1]) * alpha
  rgb[at + 2] += (color[2] - rgb[at + 2]) * alpha
}
