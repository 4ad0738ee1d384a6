import { GLYPHS } from './bitmap-font.ts'
import type { Rgb } from './color.ts'
import { blendAt, type Raster } from './raster.ts'

type Bitmap = { width: number; height: number; on: Uint8Array }

// Scale2x (EPX): doubles a bitmap and rounds its diagonal steps, so scaled-up 5 × 7 letters read
// as smooth strokes rather than stairs.
const scale2x = ({ width, height, on }: Bitmap): Bitmap => {
  const at = (x: number, y: number) =>
    x < 0 || y < 0 || x >= width || y >= height ? 0 : (on[y * width + x] as number)
  const out = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [b, d, e, f, h] = [at(x, y - 1), at(x - 1, y), at(x, y), at(x + 1, y), at(x, y + 1)]
      const row = 2 * y * 2 * width + 2 * x
      out[row] = d === b && b !== f && d !== h ? d : e
      out[row + 1] = b === f && b !== d && f !== h ? f : e
      out[row + 2 * width] = d === h && d !== b && h !== f ? d : e
      out[row + 2 * width + 1] = h === f && d !== h && b !== f ? f : e
    }
  }
  return { width: width * 2, height: height * 2, on: out }
}

const CELLS_WIDE = 5
const CELLS_HIGH = 7
// One blank cell after each glyph.
const ADVANCE = (CELLS_WIDE + 1) / CELLS_HIGH

const smooth = new Map<string, Bitmap>()
const bitmapOf = (char: string): Bitmap => {
  const cached = smooth.get(char)
  if (cached) return cached
  const cells = (GLYPHS[char] ?? '').replaceAll(' ', '')
  const base = {
    width: CELLS_WIDE,
    height: CELLS_HIGH,
    on: Uint8Array.from(cells, (c) => +(c === '#')),
  }
  const bitmap = scale2x(scale2x(base))
  smooth.set(char, bitmap)
  return bitmap
}

/**
 * What the font can draw of `text`: uppercase, accents dropped, curly quotes straightened, other
 * characters left out, spaces collapsed.
 */
export const drawableText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .toUpperCase()
    .split('')
    .filter((char) => char in GLYPHS)
    .join('')
    .replace(/\s+/g, ' ')
    .trim()

/** Width in pixels of `text` drawn with capitals `height` pixels tall. */
export const textWidth = (text: string, height: number): number =>
  text.length === 0 ? 0 : (text.length * ADVANCE - 1 / CELLS_HIGH) * height

/** Breaks `text` into lines no wider than `maxWidth`; a word longer than that gets its own line. */
export const wrapText = (text: string, height: number, maxWidth: number): string[] => {
  const lines: string[] = []
  for (const word of text.split(' ')) {
    const last = lines.at(-1)
    if (last !== undefined && textWidth(`${last} ${word}`, height) <= maxWidth) {
      lines[lines.length - 1] = `${last} ${word}`
    } else {
      lines.push(word)
    }
  }
  return lines
}

// 3 × 3 samples per pixel: smooth edges at every size, from tiny marks to poster headlines.
const SAMPLES = [1 / 6, 1 / 2, 5 / 6]

/** Draws `text` (already `drawableText`) with its top-left corner at (x, y), capitals `height` px tall. */
export const drawText = (
  raster: Raster,
  text: string,
  x: number,
  y: number,
  height: number,
  color: Rgb
): void => {
  for (const [index, char] of [...text].entries()) {
    const bitmap = bitmapOf(char)
    const left = x + index * ADVANCE * height
    const unit = height / bitmap.height
    const x0 = Math.max(0, Math.floor(left))
    const x1 = Math.min(raster.width, Math.ceil(left + bitmap.width * unit))
    const y0 = Math.max(0, Math.floor(y))
    const y1 = Math.min(raster.height, Math.ceil(y + height))
    const cell = (gx: number, gy: number) =>
      gx >= 0 && gy >= 0 && gx < bitmap.width && gy < bitmap.height
        ? (bitmap.on[gy * bitmap.width + gx] as number)
        : 0
    for (let py = y0; py < y1; py++) {
      const top = Math.floor((py - y) / unit)
      const bottom = Math.floor((py + 1 - y) / unit)
      for (let px = x0; px < x1; px++) {
        const leftCell = Math.floor((px - left) / unit)
        const rightCell = Math.floor((px + 1 - left) / unit)
        let hits = 0
        if (leftCell === rightCell && top === bottom) {
          // Inside one cell of a large glyph: no edge to smooth, so no need to sample.
          hits = cell(leftCell, top) * 9
        } else {
          for (const sy of SAMPLES) {
            const gy = Math.floor((py + sy - y) / unit)
            for (const sx of SAMPLES) hits += cell(Math.floor((px + sx - left) / unit), gy)
          }
        }
        if (hits > 0) blendAt(raster, (py * raster.width + px) * 3, color, hits / 9)
      }
    }
  }
}
