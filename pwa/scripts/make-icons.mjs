// Draws the Addreams mark (two sparkles on the brand colour) and writes the app icons:
// public/icons/{icon-192,icon-512,maskable-512,apple-touch-icon}.png and public/favicon.svg.
// No dependencies: shapes are flattened to polygons, scan-converted with 8 sub-scanlines per pixel
// for anti-aliasing, and encoded as PNG with node:zlib. Run with `npm run icons -w @app/pwa`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { deflateSync } from 'node:zlib'

const root = path.join(import.meta.dirname, '..')
/** @type {{ primary: string, onPrimary: string, accent: string }} */
const brand = JSON.parse(readFileSync(path.join(root, 'src/styles/brand.json'), 'utf8'))

// The mark in a 100 × 100 box. A sparkle is four quadratic curves whose control points sit near
// its centre, which gives the concave, four-pointed star.
const MAIN = { cx: 45, cy: 55, r: 31, k: 5 }
const SMALL = { cx: 74, cy: 27, r: 13, k: 2 }
const CORNER = 22

/** @typedef {[number, number]} Point */

/** @param {{ cx: number, cy: number, r: number, k: number }} s @returns {Point[][]} */
const sparkleCurves = ({ cx, cy, r, k }) => [
  [
    [cx + r, cy],
    [cx + k, cy + k],
    [cx, cy + r],
  ],
  [
    [cx, cy + r],
    [cx - k, cy + k],
    [cx - r, cy],
  ],
  [
    [cx - r, cy],
    [cx - k, cy - k],
    [cx, cy - r],
  ],
  [
    [cx, cy - r],
    [cx + k, cy - k],
    [cx + r, cy],
  ],
]

/** @param {Point[][]} curves @returns {Point[]} */
const flatten = (curves) => {
  /** @type {Point[]} */
  const out = []
  for (const [a, c, b] of curves) {
    for (let i = 0; i < 48; i++) {
      const t = i / 48
      const u = 1 - t
      out.push([
        u * u * a[0] + 2 * u * t * c[0] + t * t * b[0],
        u * u * a[1] + 2 * u * t * c[1] + t * t * b[1],
      ])
    }
  }
  return out
}

/** @param {number} x @param {number} y @param {number} w @param {number} h @param {number} r */
const roundedRect = (x, y, w, h, r) => {
  /** @type {Point[]} */
  const out = []
  const corners = [
    [x + w - r, y + r, -90],
    [x + w - r, y + h - r, 0],
    [x + r, y + h - r, 90],
    [x + r, y + r, 180],
  ]
  for (const [cx, cy, start] of corners) {
    for (let i = 0; i <= 16; i++) {
      const a = ((start + (90 * i) / 16) * Math.PI) / 180
      out.push([cx + r * Math.cos(a), cy + r * Math.sin(a)])
    }
  }
  return out
}

/** Fraction of each pixel covered by the polygon (even-odd rule). */
const coverage = (/** @type {Point[]} */ poly, /** @type {number} */ size) => {
  const cov = new Float32Array(size * size)
  const SUB = 8
  for (let py = 0; py < size; py++) {
    for (let s = 0; s < SUB; s++) {
      const y = py + (s + 0.5) / SUB
      /** @type {number[]} */
      const xs = []
      for (let i = 0; i < poly.length; i++) {
        const [x0, y0] = poly[i]
        const [x1, y1] = poly[(i + 1) % poly.length]
        if (y0 <= y !== y1 <= y) xs.push(x0 + ((y - y0) / (y1 - y0)) * (x1 - x0))
      }
      xs.sort((a, b) => a - b)
      for (let i = 0; i + 1 < xs.length; i += 2) {
        const a = Math.max(0, xs[i])
        const b = Math.min(size, xs[i + 1])
        for (let px = Math.floor(a); px < b && px < size; px++) {
          const overlap = Math.min(b, px + 1) - Math.max(a, px)
          if (overlap > 0) cov[py * size + px] += overlap / SUB
        }
      }
    }
  }
  return cov
}

/** @param {string} hex @returns {number[]} */
const rgb = (hex) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16))

/**
 * Renders layers of [polygon in 100-unit space, colour] to RGBA pixels.
 * @param {number} size @param {Array<[Point[], string]>} layers
 */
const render = (size, layers) => {
  const px = new Float32Array(size * size * 4)
  for (const [poly, colour] of layers) {
    const cov = coverage(
      poly.map(([x, y]) => [(x / 100) * size, (y / 100) * size]),
      size
    )
    const [r, g, b] = rgb(colour)
    for (let i = 0; i < cov.length; i++) {
      const a = Math.min(1, cov[i])
      if (a === 0) continue
      const o = i * 4
      const da = px[o + 3]
      const outA = a + da * (1 - a)
      px[o] = (r * a + px[o] * da * (1 - a)) / outA
      px[o + 1] = (g * a + px[o + 1] * da * (1 - a)) / outA
      px[o + 2] = (b * a + px[o + 2] * da * (1 - a)) / outA
      px[o + 3] = outA
    }
  }
  return px
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
/** @param {Buffer} buf */
const crc32 = (buf) => {
  let c = 0xffffffff
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
/** @param {string} type @param {Buffer} data */
const chunk = (type, data) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

/** @param {number} size @param {Float32Array} px */
const encodePng = (size, px) => {
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1)
    raw[row] = 0 // filter: none
    for (let x = 0; x < size * 4; x += 4) {
      const i = y * size * 4 + x
      raw[row + 1 + x] = Math.round(px[i])
      raw[row + 2 + x] = Math.round(px[i + 1])
      raw[row + 3 + x] = Math.round(px[i + 2])
      raw[row + 4 + x] = Math.round(px[i + 3] * 255)
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Scales the mark about the centre; full-bleed icons use it to stay inside the safe zone. */
const scaled = (/** @type {Point[]} */ poly, /** @type {number} */ f) =>
  poly.map(([x, y]) => /** @type {Point} */ ([50 + (x - 50) * f, 50 + (y - 50) * f]))

/** @param {number} markScale @param {boolean} fullBleed @returns {Array<[Point[], string]>} */
const mark = (markScale, fullBleed) => [
  [fullBleed ? roundedRect(0, 0, 100, 100, 0) : roundedRect(0, 0, 100, 100, CORNER), brand.primary],
  [scaled(flatten(sparkleCurves(MAIN)), markScale), brand.onPrimary],
  [scaled(flatten(sparkleCurves(SMALL)), markScale), brand.accent],
]

/** @param {{ cx: number, cy: number, r: number, k: number }} s */
const sparklePath = (s) => {
  const [first, ...rest] = sparkleCurves(s)
  const q = (/** @type {Point[]} */ [, c, b]) => `Q${c[0]} ${c[1]} ${b[0]} ${b[1]}`
  return `M${first[0][0]} ${first[0][1]}${[first, ...rest].map(q).join('')}Z`
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <title>Addreams</title>
  <rect width="100" height="100" rx="${CORNER}" fill="${brand.primary}"/>
  <path d="${sparklePath(MAIN)}" fill="${brand.onPrimary}"/>
  <path d="${sparklePath(SMALL)}" fill="${brand.accent}"/>
</svg>
`

const icons = [
  // Maskable icons are cropped to a circle of 40% radius: scale the mark into that safe zone.
  { file: 'icons/icon-192.png', size: 192, layers: mark(1, false) },
  { file: 'icons/icon-512.png', size: 512, layers: mark(1, false) },
  { file: 'icons/maskable-512.png', size: 512, layers: mark(0.72, true) },
  // iOS rounds the corners itself and fills transparency with black, so this one is opaque.
  { file: 'icons/apple-touch-icon.png', size: 180, layers: mark(0.82, true) },
]

const pub = path.join(root, 'public')
mkdirSync(path.join(pub, 'icons'), { recursive: true })
for (const { file, size, layers } of icons) {
  const png = encodePng(size, render(size, layers))
  writeFileSync(path.join(pub, file), png)
  console.log(`${file}  ${size}×${size}  ${png.length} bytes`)
}
writeFileSync(path.join(pub, 'favicon.svg'), svg)
console.log('favicon.svg')
