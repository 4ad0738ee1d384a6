import type { Picture } from './picture.ts'
import { roundedRect } from './shapes.ts'

const SIDE = 256

/**
 * A neutral grey stand-in of the photo's shape, for formats the simulator does not decode
 * (WEBP, BMP, TIFF, GIF): a rounded block shaded like a lit cylinder, so it still reads as an
 * object in the scene.
 */
export const silhouette = (photoWidth: number, photoHeight: number): Picture => {
  const scale = SIDE / Math.max(photoWidth, photoHeight)
  const width = Math.max(1, Math.round(photoWidth * scale))
  const height = Math.max(1, Math.round(photoHeight * scale))
  const shape = roundedRect(0, 0, width, height, Math.min(width, height) * 0.12)
  const data = new Uint8ClampedArray(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const alpha = Math.min(1, Math.max(0, 0.5 - shape.distance(x + 0.5, y + 0.5)))
      const grey = 130 + 40 * Math.sin((Math.PI * (x + 0.5)) / width)
      const at = (y * width + x) * 4
      data.set([grey * alpha, grey * alpha, grey * alpha, 255 * alpha], at)
    }
  }
  return { width, height, data }
}
