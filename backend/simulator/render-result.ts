import { encodePng } from './png.ts'
import { renderPoster } from './poster.ts'
import { renderProductShoot } from './product-scene.ts'
import type { SceneInput } from './scene-input.ts'
import { drawSimulatedMark } from './simulated-mark.ts'

/**
 * Draws one result image as a PNG: a product shoot when the request had photos (edit models),
 * else an ad poster (text-to-image models), marked "SIMULATED". Equal inputs give equal bytes.
 */
export const renderResult = (scene: SceneInput, width: number, height: number): Buffer => {
  const raster =
    scene.pictures.length > 0
      ? renderProductShoot(scene, width, height)
      : renderPoster(scene, width, height)
  drawSimulatedMark(raster)
  return encodePng(width, height, raster.rgb)
}
