import { hex, mix, type Rgb, shade } from './color.ts'
import type { ProductPlan } from './product-plan.ts'
import { between, pick, type Random } from './random.ts'
import type { Raster } from './raster.ts'
import { circle, ellipse, fill, polygon, rect, roundedRect } from './shapes.ts'

const accent = (plan: ProductPlan, i: number): Rgb =>
  plan.look.accents[i % plan.look.accents.length] ?? plan.look.wall

/** Decor on the backdrop, kept above the horizon: light through a window, bokeh, shapes. */
export const paintDecor = (raster: Raster, plan: ProductPlan, random: Random): void => {
  const { width: w, height: h } = raster
  const { look, horizon, main } = plan
  const wallOnly = { clipBottom: horizon }
  const mainCx = main.x + main.width / 2
  switch (look.decor) {
    case 'window': {
      const x = w * (plan.emptySide > 0 ? 0.62 : 0.2)
      for (const pane of [0, 1]) {
        const left = x + pane * w * 0.1
        const corners = [
          [left, h * 0.12],
          [left + w * 0.085, h * 0.12],
          [left + w * 0.13, horizon],
          [left + w * 0.045, horizon],
        ] as const
        fill(raster, polygon(corners), shade(look.wall, 0.55), {
          opacity: 0.4,
          soft: w * 0.03,
          ...wallOnly,
        })
      }
      return
    }
    case 'bokeh':
    case 'greenery': {
      const green = look.decor === 'greenery'
      for (let i = 0; i < (green ? 26 : 16); i++) {
        const r =
          Math.min(w, h) * (green ? between(random, 0.05, 0.11) : between(random, 0.015, 0.05))
        const y = green
          ? between(random, horizon - h * 0.26, horizon)
          : between(random, h * 0.2, horizon - h * 0.04)
        const shape = circle(between(random, 0, w), y, r)
        fill(raster, shape, pick(random, look.accents), {
          opacity: green ? between(random, 0.55, 0.85) : between(random, 0.25, 0.6),
          soft: r * (green ? 0.7 : 0.35),
          ...wallOnly,
        })
      }
      return
    }
    case 'arch': {
      const half = Math.max(main.width * 0.85, w * 0.17)
      const top = Math.min(horizon - h * 0.5, main.y - h * 0.06)
      const shape = roundedRect(mainCx - half, top, mainCx + half, horizon + half, half)
      fill(raster, shape, accent(plan, 0), wallOnly)
      const dot = circle(mainCx + plan.emptySide * half * 1.5, top + h * 0.08, half * 0.28)
      fill(raster, dot, accent(plan, 1), wallOnly)
      return
    }
    case 'split': {
      const corners = [
        [w * 0.35, 0],
        [w, 0],
        [w, horizon * 0.55],
        [w * 0.05, horizon],
      ] as const
      fill(raster, polygon(corners), shade(look.wall, -0.12), wallOnly)
      fill(raster, circle(w * 0.78, h * 0.2, Math.min(w, h) * 0.09), accent(plan, 0), wallOnly)
      return
    }
    case 'panel': {
      // A banner's graphic side: a large disc bleeding off the empty edge, room for copy.
      const r = Math.min(w * 0.3, horizon * 0.46)
      const cx = plan.emptySide > 0 ? w * 0.86 : w * 0.14
      fill(raster, circle(cx, horizon * 0.5, r), accent(plan, 0), { opacity: 0.9, ...wallOnly })
      fill(
        raster,
        circle(cx - plan.emptySide * r * 0.75, horizon * 0.2, r * 0.16),
        accent(plan, 1),
        wallOnly
      )
      return
    }
    default:
      return
  }
}

/** A cylinder podium the first product stands on, shaded like a lit drum. */
export const paintPodium = (raster: Raster, plan: ProductPlan): void => {
  const { podium, look, lightSide } = plan
  if (!podium) return
  const { cx, topY, rx, ry, bottomY } = podium
  const body = look.accents[1] ?? shade(look.wall, -0.1)
  fill(raster, ellipse(cx, bottomY, rx * 1.1, ry * 1.2), shade(look.floor, -0.6), {
    opacity: 0.35,
    soft: ry,
  })
  const drum = (x: number): Rgb => shade(body, -0.25 * Math.abs((x - cx) / rx - lightSide * 0.4))
  fill(raster, rect(cx - rx, topY, cx + rx, bottomY), drum)
  fill(raster, ellipse(cx, bottomY, rx, ry), drum)
  fill(raster, ellipse(cx, topY, rx, ry), shade(body, 0.22))
}

/** A potted plant beside the product: a terracotta pot and a bush of leaves. */
export const paintPlant = (raster: Raster, plan: ProductPlan, random: Random): void => {
  if (!plan.plant) return
  const { x, baseY, size } = plan.plant
  const potTop = baseY - size * 0.3
  const pot = hex('#c46a3f')
  fill(raster, ellipse(x, baseY, size * 0.2, size * 0.035), shade(plan.look.floor, -0.6), {
    opacity: 0.4,
    soft: size * 0.04,
  })
  for (let i = 0; i < 22; i++) {
    const r = size * between(random, 0.08, 0.15)
    const leafX = x + between(random, -0.26, 0.26) * size
    const leafY = potTop - between(random, 0.02, 0.62) * size
    const tone = Math.min(1, Math.max(0, (potTop - leafY) / size + between(random, -0.2, 0.2)))
    const leaf = mix(hex('#2f6b34'), hex('#7fb35a'), tone)
    fill(raster, ellipse(leafX, leafY, r, r * 0.8), leaf, { soft: 2 })
  }
  fill(
    raster,
    polygon([
      [x - size * 0.16, potTop],
      [x + size * 0.16, potTop],
      [x + size * 0.12, baseY],
      [x - size * 0.12, baseY],
    ]),
    (px) => shade(pot, -0.25 * Math.abs((px - x) / (size * 0.16)))
  )
  fill(
    raster,
    rect(x - size * 0.17, potTop - size * 0.04, x + size * 0.17, potTop),
    shade(pot, 0.1)
  )
}
