import { encodePng } from './png.ts'

type Rgb = readonly [number, number, number]

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
]
const scaled = (c: Rgb, k: number): Rgb => [c[0] * k, c[1] * k, c[2] * k]

const BACKGROUND: Rgb = [238, 236, 232]
const GLASS: Rgb = [104, 124, 30]
const LABEL: Rgb = [243, 234, 206]
const TRIM: Rgb = [46, 84, 40]
const CAP: Rgb = [196, 156, 64]
const LEAF: Rgb = [88, 124, 52]
const OLIVE: Rgb = [64, 44, 56]

const smooth = (t: number) => (1 - Math.cos(Math.PI * Math.min(1, Math.max(0, t)))) / 2

// Half the bottle's width at height v (fractions of the photo's width and height): cap, neck,
// shoulders, then a body with rounded bottom corners.
const halfWidth = (v: number): number => {
  if (v < 0.1 || v > 0.9) return 0
  if (v < 0.17) return 0.062
  if (v < 0.31) return 0.05
  if (v < 0.43) return 0.05 + 0.12 * smooth((v - 0.31) / 0.12)
  if (v < 0.875) return 0.17
  return 0.145 + Math.sqrt(Math.max(0, 0.025 ** 2 - (v - 0.875) ** 2))
}

// The colour at (u, v): u from the bottle's axis in widths, v from the top in heights.
const colorAt = (u: number, v: number, aspect: number): Rgb => {
  const half = halfWidth(v)
  const shadowReach = Math.hypot(u / 0.24, (v - 0.9) / 0.025)
  const floor = scaled(
    BACKGROUND,
    1.03 - 0.05 * v - (shadowReach < 1 ? 0.1 * (1 - shadowReach) : 0)
  )
  if (Math.abs(u) >= half) return floor
  const across = u / half
  const round = Math.sqrt(1 - across * across)
  const shine = across > -0.62 && across < -0.46 ? 0.45 : 0
  if (v < 0.17) return scaled(CAP, (0.6 + 0.5 * round) * (1 + 0.08 * Math.sin(u * 600)))
  const inLabel = v > 0.56 && v < 0.8 && half > 0.16
  if (!inLabel) return mix(scaled(GLASS, 0.45 + 0.7 * round), [255, 255, 255], shine)
  const lit = 0.72 + 0.32 * round
  if (v < 0.575 || v > 0.785) return scaled(TRIM, lit)
  const dy = (v - 0.655) * aspect
  const leaf = [-0.06, -0.03, 0.03, 0.06].some(
    (lu, i) => Math.hypot((u - lu) / 0.028, (dy - (i % 2 ? -0.012 : 0.012)) / 0.012) < 1
  )
  const olive = [-0.012, 0.012].some((ou) => Math.hypot(u - ou, dy - 0.02) < 0.014)
  const line =
    Math.abs(u) < 0.1 &&
    (Math.abs(v - 0.725) < 0.006 || (Math.abs(v - 0.75) < 0.004 && Math.abs(u) < 0.07))
  return scaled(olive ? OLIVE : leaf ? LEAF : line ? TRIM : LABEL, lit)
}

/**
 * A product photo of a bottle of olive oil on a plain light backdrop, drawn with 2 × 2 samples a
 * pixel: green glass with a highlight, a gold cap and a cream label with an olive branch. It
 * makes the screenshots' product shoot read as one.
 */
export const makeBottlePhoto = (width = 900, height = 1200): Buffer => {
  const pixels = new Uint8Array(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sum = [0, 0, 0]
      for (const [sx, sy] of [
        [0.25, 0.25],
        [0.75, 0.25],
        [0.25, 0.75],
        [0.75, 0.75],
      ] as const) {
        const c = colorAt((x + sx) / width - 0.5, (y + sy) / height, height / width)
        for (const i of [0, 1, 2]) sum[i] = (sum[i] ?? 0) + c[i] / 4
      }
      pixels.set(sum.map(Math.round), (y * width + x) * 3)
    }
  }
  return encodePng(width, height, 3, pixels)
}
