import { createHash } from 'node:crypto'
import { encodePng } from './png.ts'

const GRID = 4

/**
 * Draws one result image as a PNG: a 4×4 grid of colours taken from `digest`, shaded by a diagonal
 * gradient. Any change in the digest changes the colours, so a different prompt or seed is
 * visibly different, while equal digests give identical bytes.
 */
export const renderPattern = (digest: Buffer, width: number, height: number): Buffer => {
  // 16 cells × 3 channels need 48 bytes; a second hash round supplies the rest.
  const palette = Buffer.concat([digest, createHash('sha256').update(digest).digest()])
  const rgb = Buffer.alloc(width * height * 3)
  const span = width + height
  for (let y = 0; y < height; y++) {
    const row = Math.floor((y * GRID) / height) * GRID
    for (let x = 0; x < width; x++) {
      const cell = (row + Math.floor((x * GRID) / width)) * 3
      const shade = Math.floor(((x + y) * 96) / span)
      const at = (y * width + x) * 3
      rgb[at] = Math.min(255, palette[cell] + shade)
      rgb[at + 1] = Math.min(255, palette[cell + 1] + shade)
      rgb[at + 2] = Math.min(255, palette[cell + 2] + shade)
    }
  }
  return encodePng(width, height, rgb)
}
