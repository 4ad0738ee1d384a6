import { type Picture, resized } from './picture.ts'
import type { Raster } from './raster.ts'

/** Where a picture lands in the scene, in pixels. */
export interface Placement {
  x: number
  y: number
  width: number
  height: number
}

interface DrawOptions {
  /** Opacity down the placement, from its top (0) to its bottom (1); reflections fade with it. */
  opacity?: (v: number) => number
  /** Mirror top to bottom, for reflections. */
  flip?: boolean
  /** Which side the light comes from, −1 (left) to 1 (right): that side is a little brighter. */
  light?: number
}

const FULL = () => 1

/** Draws `picture` scaled into `place` with bilinear sampling over premultiplied alpha. */
export const drawPicture = (
  raster: Raster,
  picture: Picture,
  place: Placement,
  { opacity = FULL, flip = false, light = 0 }: DrawOptions = {}
): void => {
  // Bilinear sampling skips source pixels when shrinking by more than half; average them first.
  const source =
    place.width < picture.width / 1.5
      ? resized(picture, Math.max(1, Math.ceil(place.width)), Math.max(1, Math.ceil(place.height)))
      : picture
  const { width: sw, height: sh, data } = source
  const x0 = Math.max(0, Math.floor(place.x))
  const x1 = Math.min(raster.width, Math.ceil(place.x + place.width))
  const y0 = Math.max(0, Math.floor(place.y))
  const y1 = Math.min(raster.height, Math.ceil(place.y + place.height))
  const texel = (u: number, v: number, c: number) => data[(v * sw + u) * 4 + c] as number
  for (let y = y0; y < y1; y++) {
    const v = (y + 0.5 - place.y) / place.height
    const fade = opacity(v)
    if (fade <= 0) continue
    const sy = Math.min(sh - 1, Math.max(0, (flip ? 1 - v : v) * sh - 0.5))
    const v0 = Math.floor(sy)
    const v1 = Math.min(sh - 1, v0 + 1)
    const fy = sy - v0
    for (let x = x0; x < x1; x++) {
      const u = (x + 0.5 - place.x) / place.width
      const sx = Math.min(sw - 1, Math.max(0, u * sw - 0.5))
      const u0 = Math.floor(sx)
      const u1 = Math.min(sw - 1, u0 + 1)
      const fx = sx - u0
      const sample = (c: number) =>
        (texel(u0, v0, c) * (1 - fx) + texel(u1, v0, c) * fx) * (1 - fy) +
        (texel(u0, v1, c) * (1 - fx) + texel(u1, v1, c) * fx) * fy
      const alpha = (sample(3) / 255) * fade
      if (alpha <= 0) continue
      const brightness = fade * (1 + 0.08 * light * (2 * u - 1))
      const at = (y * raster.width + x) * 3
      for (let c = 0; c < 3; c++) {
        raster.rgb[at + c] = sample(c) * brightness + (raster.rgb[at + c] as number) * (1 - alpha)
      }
    }
  }
}
