import { type Rgb, shade } from './color.ts'
import { type PosterPlan, planPoster } from './poster-plan.ts'
import { between, pick, type Random, randomFrom } from './random.ts'
import { createRaster, type Raster } from './raster.ts'
import type { SceneInput } from './scene-input.ts'
import { circle, fill, polygon, rect, roundedRect } from './shapes.ts'
import { drawText, textWidth } from './text.ts'

const accent = (plan: PosterPlan, i: number): Rgb => plan.accents[i % plan.accents.length] as Rgb

// A diagonal gradient, mostly top to bottom.
const paintBackground = (raster: Raster, plan: PosterPlan): void => {
  const { width: w, height: h, rgb } = raster
  const [a, b] = [plan.background, plan.background2]
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const t = (x / w) * 0.35 + (y / h) * 0.65
      const at = (y * w + x) * 3
      rgb[at] = a[0] + (b[0] - a[0]) * t
      rgb[at + 1] = a[1] + (b[1] - a[1]) * t
      rgb[at + 2] = a[2] + (b[2] - a[2]) * t
    }
  }
}

const paintComposition = (raster: Raster, plan: PosterPlan, random: Random): void => {
  const { width: w, height: h } = raster
  const { x, y, r } = plan.focus
  switch (plan.composition) {
    case 'sun': {
      const sun = circle(x, y, r)
      fill(raster, circle(x, y, r * 1.25), accent(plan, 1), { opacity: 0.25, soft: r * 0.3 })
      fill(raster, sun, accent(plan, 0))
      for (let i = 0; i < 4; i++) {
        const top = y + r * (0.15 + i * 0.22)
        const band = rect(x - r, top, x + r, top + r * (0.04 + i * 0.025))
        // Bands cut through the sun only, as on a retro sunset.
        const cut = {
          box: band.box,
          distance: (px: number, py: number) =>
            Math.max(band.distance(px, py), sun.distance(px, py)),
        }
        fill(raster, cut, plan.background2)
      }
      return
    }
    case 'rays': {
      const reach = Math.hypot(w, h)
      for (let i = 0; i < 18; i += 2) {
        const a = (i / 18) * Math.PI * 2
        const b = ((i + 1) / 18) * Math.PI * 2
        const corners = [
          [x, y],
          [x + Math.cos(a) * reach, y + Math.sin(a) * reach],
          [x + Math.cos(b) * reach, y + Math.sin(b) * reach],
        ] as const
        fill(raster, polygon(corners), shade(plan.background, 0.12), { opacity: 0.55 })
      }
      fill(raster, circle(x, y, r * 0.8), accent(plan, 0))
      fill(raster, circle(x, y, r * 0.62), accent(plan, 1), { opacity: 0.35 })
      return
    }
    case 'split': {
      const corners = [
        [w * 0.55, h],
        [w, h * 0.3],
        [w, h],
      ] as const
      fill(raster, polygon(corners), accent(plan, 1), { opacity: 0.85 })
      fill(raster, circle(x, y, r * 0.9), accent(plan, 0))
      return
    }
    default: {
      for (let i = 0; i < 34; i++) {
        const size = Math.min(w, h) * between(random, 0.012, 0.04)
        const cx = between(random, 0, w)
        const cy = between(random, 0, h)
        const shape =
          random() < 0.5
            ? circle(cx, cy, size)
            : roundedRect(cx - size, cy - size / 3, cx + size, cy + size / 3, size / 3)
        fill(raster, shape, pick(random, plan.accents))
      }
      fill(raster, circle(x, y, r * 0.9), accent(plan, 0), { opacity: 0.95 })
    }
  }
}

const paintHeadline = (raster: Raster, plan: PosterPlan): void => {
  const { headline } = plan
  if (!headline) return
  const { lines, x, y, size, ink, panel } = headline
  const widest = Math.max(...lines.map((line) => textWidth(line, size)))
  const pad = size * 0.55
  const bottom = y + (lines.length * 1.5 - 0.5) * size
  fill(raster, roundedRect(x - pad, y - pad, x + widest + pad, bottom + pad, size * 0.3), panel, {
    opacity: 0.92,
  })
  fill(
    raster,
    rect(
      x - pad,
      bottom + pad * 1.6,
      x - pad + Math.min(widest, size * 4),
      bottom + pad * 1.6 + size * 0.22
    ),
    accent(plan, 0)
  )
  for (const [i, line] of lines.entries()) drawText(raster, line, x, y + i * size * 1.5, size, ink)
}

/** Renders an ad graphic: a poster whose palette, shapes and headline come from the prompt. */
export const renderPoster = (scene: SceneInput, width: number, height: number): Raster => {
  const plan = planPoster(scene, width, height)
  const raster = createRaster(width, height)
  paintBackground(raster, plan)
  paintComposition(raster, plan, randomFrom(scene.digest, 1))
  paintHeadline(raster, plan)
  return raster
}
