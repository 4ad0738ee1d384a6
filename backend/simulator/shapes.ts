import type { Rgb } from './color.ts'
import { blendAt, type Raster } from './raster.ts'

/** A filled shape: its bounding box and its signed distance in pixels (negative inside). */
export interface Shape {
  box: readonly [number, number, number, number]
  distance: (x: number, y: number) => number
  /**
   * For round shapes: the columns of row `y` within `margin` of the outline (`from`–`to`), and
   * those deeper inside than `margin` (`fullFrom`–`fullTo`), which need no distance at all.
   */
  span?: (y: number, margin: number) => Span | null
}

interface Span {
  from: number
  to: number
  fullFrom: number
  fullTo: number
}

// Lets round shapes skip their bounding box's empty corners and their solid middle, which is
// most of the cost of large circles and soft lights.
const ellipseSpan =
  (cx: number, cy: number, rx: number, ry: number) =>
  (y: number, margin: number): Span | null => {
    const half = (a: number, b: number) => {
      const t = (y - cy) / b
      return a > 0 && b > 0 && Math.abs(t) < 1 ? a * Math.sqrt(1 - t * t) : 0
    }
    const outer = half(rx + margin, ry + margin)
    if (outer === 0) return null
    const inner = half(rx - margin, ry - margin)
    return { from: cx - outer, to: cx + outer, fullFrom: cx - inner, fullTo: cx + inner }
  }

// Math.hypot is several times slower than this in V8, and these run once a pixel.
const length = (x: number, y: number): number => Math.sqrt(x * x + y * y)

/** A colour, or one that varies across the raster (gradients, shading). */
type Paint = Rgb | ((x: number, y: number) => Rgb)

export const circle = (cx: number, cy: number, r: number): Shape => ({
  box: [cx - r, cy - r, cx + r, cy + r],
  distance: (x, y) => length(x - cx, y - cy) - r,
  span: ellipseSpan(cx, cy, r, r),
})

// The level-set estimate (k − 1) / |∇k| of the distance: exact on the outline and close enough
// around it for anti-aliasing and soft shadows, which is all it is used for.
export const ellipse = (cx: number, cy: number, rx: number, ry: number): Shape => ({
  box: [cx - rx, cy - ry, cx + rx, cy + ry],
  distance: (x, y) => {
    const u = (x - cx) / rx
    const v = (y - cy) / ry
    const k = length(u, v)
    const gradient = length(u / rx, v / ry)
    return gradient === 0 ? -Math.min(rx, ry) : ((k - 1) * k) / gradient
  },
  span: ellipseSpan(cx, cy, rx, ry),
})

export const rect = (x0: number, y0: number, x1: number, y1: number): Shape =>
  roundedRect(x0, y0, x1, y1, 0)

export const roundedRect = (
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  radius: number
): Shape => {
  const r = Math.min(radius, (x1 - x0) / 2, (y1 - y0) / 2)
  const cx = (x0 + x1) / 2
  const cy = (y0 + y1) / 2
  const hx = (x1 - x0) / 2 - r
  const hy = (y1 - y0) / 2 - r
  return {
    box: [x0, y0, x1, y1],
    distance: (x, y) => {
      const dx = Math.abs(x - cx) - hx
      const dy = Math.abs(y - cy) - hy
      const outside = length(Math.max(dx, 0), Math.max(dy, 0))
      return outside + Math.min(Math.max(dx, dy), 0) - r
    },
  }
}

/** A convex polygon, its points in order around it (either way round). */
export const polygon = (corners: readonly (readonly [number, number])[]): Shape => {
  // The edge normals below point outwards only for points that go clockwise on screen.
  const area = corners.reduce((sum, [ax, ay], i) => {
    const [bx, by] = corners[(i + 1) % corners.length] as readonly [number, number]
    return sum + ax * by - bx * ay
  }, 0)
  const points = area < 0 ? [...corners].reverse() : corners
  const xs = points.map((p) => p[0])
  const ys = points.map((p) => p[1])
  const edges = points.map(([ax, ay], i) => {
    const [bx, by] = points[(i + 1) % points.length] as readonly [number, number]
    const edge = length(bx - ax, by - ay) || 1
    return { ax, ay, nx: (by - ay) / edge, ny: (ax - bx) / edge }
  })
  return {
    box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
    distance: (x, y) => {
      let d = Number.NEGATIVE_INFINITY
      for (const e of edges) d = Math.max(d, (x - e.ax) * e.nx + (y - e.ay) * e.ny)
      return d
    },
  }
}

interface FillOptions {
  opacity?: number
  /** Edge width in pixels: 1 is crisp; more blurs, for shadows and out-of-focus lights. */
  soft?: number
  /** No pixel at or below this row is painted: keeps wall decor off the floor. */
  clipBottom?: number
}

/**
 * Paints `shape` with anti-aliased edges; `soft` widens the edge (in pixels) for blurred shapes
 * such as shadows and out-of-focus lights.
 */
export const fill = (
  raster: Raster,
  shape: Shape,
  paint: Paint,
  { opacity = 1, soft = 1, clipBottom = raster.height }: FillOptions = {}
): void => {
  const [bx0, by0, bx1, by1] = shape.box
  const pad = soft / 2 + 1
  const x0 = Math.max(0, Math.floor(bx0 - pad))
  const y0 = Math.max(0, Math.floor(by0 - pad))
  const x1 = Math.min(raster.width, Math.ceil(bx1 + pad))
  const y1 = Math.min(raster.height, Math.ceil(by1 + pad), Math.round(clipBottom))
  const solid = typeof paint === 'function' ? null : paint
  for (let y = y0; y < y1; y++) {
    const span = shape.span?.(y + 0.5, pad)
    if (span === null) continue
    const from = span ? Math.max(x0, Math.floor(span.from)) : x0
    const to = span ? Math.min(x1, Math.ceil(span.to)) : x1
    const fullFrom = span ? Math.ceil(span.fullFrom) : 0
    const fullTo = span ? Math.floor(span.fullTo) : 0
    for (let x = from; x < to; x++) {
      const full = x >= fullFrom && x < fullTo
      const coverage = full
        ? 1
        : Math.min(1, Math.max(0, 0.5 - shape.distance(x + 0.5, y + 0.5) / soft))
      if (coverage <= 0) continue
      const color = solid ?? (paint as (x: number, y: number) => Rgb)(x, y)
      blendAt(raster, (y * raster.width + x) * 3, color, coverage * opacity)
    }
  }
}
