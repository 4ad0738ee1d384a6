import { paintBackdrop } from './backdrop.ts'
import { shade } from './color.ts'
import { drawPicture, type Placement } from './composite.ts'
import type { Picture } from './picture.ts'
import { type ProductPlan, planProductShoot } from './product-plan.ts'
import { randomFrom } from './random.ts'
import { createRaster, type Raster } from './raster.ts'
import type { SceneInput } from './scene-input.ts'
import { paintDecor, paintPlant, paintPodium } from './set-pieces.ts'
import { ellipse, fill, polygon, roundedRect } from './shapes.ts'

// Shadows and reflections of one product, drawn before it.
const groundProduct = (raster: Raster, plan: ProductPlan, picture: Picture, place: Placement) => {
  const { look, lightSide } = plan
  const baseY = place.y + place.height
  const cx = place.x + place.width / 2
  const dark = shade(look.floor, -0.7)
  if (look.layout === 'flatlay') {
    const dx = -lightSide * place.width * 0.06
    const shape = roundedRect(
      place.x + dx,
      place.y + place.height * 0.04,
      place.x + place.width + dx,
      baseY + place.height * 0.04,
      place.width * 0.1
    )
    fill(raster, shape, dark, { opacity: look.shadow * 0.7, soft: place.width * 0.12 })
    return
  }
  if (look.longShadow) {
    const reach = -lightSide * place.height * 0.9
    const corners = [
      [cx - place.width * 0.4, baseY],
      [cx + place.width * 0.4, baseY],
      [cx + place.width * 0.3 + reach, baseY - place.height * 0.18],
      [cx - place.width * 0.3 + reach, baseY - place.height * 0.18],
    ] as const
    fill(raster, polygon(corners), dark, { opacity: look.shadow * 0.4, soft: place.width * 0.35 })
  }
  const rx = place.width * 0.55
  const ry = Math.max(3, place.width * 0.09)
  fill(raster, ellipse(cx - lightSide * rx * 0.25, baseY, rx, ry), dark, {
    opacity: look.shadow,
    soft: ry * 1.6,
  })
  const mirror = look.surface === 'gloss' ? 0.3 : look.surface === 'marble' ? 0.16 : 0
  if (mirror > 0) {
    drawPicture(
      raster,
      picture,
      { ...place, y: baseY },
      { flip: true, opacity: (v) => mirror * (1 - v) ** 2.5 }
    )
  }
}

/**
 * Renders a product shoot: the set, then the other photos and the first one standing in it
 * with their shadows and, on glossy or polished floors, their reflections.
 */
export const renderProductShoot = (scene: SceneInput, width: number, height: number): Raster => {
  const plan = planProductShoot(scene, width, height)
  const random = randomFrom(scene.digest, 1)
  const raster = createRaster(width, height)
  paintBackdrop(raster, plan.look, plan.horizon, plan.light, scene.digest[4] ?? 0)
  paintDecor(raster, plan, random)
  paintPlant(raster, plan, random)
  const [first, ...rest] = scene.pictures
  for (const [i, place] of plan.others.entries()) {
    const picture = rest[i] as Picture
    groundProduct(raster, plan, picture, place)
    drawPicture(raster, picture, place, { light: plan.lightSide })
  }
  paintPodium(raster, plan)
  groundProduct(raster, plan, first as Picture, plan.main)
  drawPicture(raster, first as Picture, plan.main, { light: plan.lightSide })
  return raster
}
