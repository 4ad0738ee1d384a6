import { decode as decodeJpeg } from 'jpeg-js'
import { PNG } from 'pngjs'
import type { ImageFormat } from '../src/lib/image-probe.ts'
import { cutOut } from './cutout.ts'
import { fitWithin, type Picture, premultiplied } from './picture.ts'
import { silhouette } from './silhouette.ts'

/** What the renderer needs of an input image: its bytes, format and header size. */
export interface PictureSource {
  bytes: Buffer
  format: ImageFormat
  width: number
  height: number
}

// Enough for a product that fills most of a 2048-px result; more would only hold memory for as
// long as the result URLs live.
const MAX_SIDE = 768
// Bounds the decoders' memory when strict_inputs is off and a header claims a huge image.
const MAX_MEGAPIXELS = 16

type Straight = { width: number; height: number; data: Uint8ClampedArray }

const decodePixels = (source: PictureSource): Straight | null => {
  if (source.width * source.height > MAX_MEGAPIXELS * 1_000_000) return null
  try {
    if (source.format === 'png') {
      const png = PNG.sync.read(source.bytes)
      return { width: png.width, height: png.height, data: new Uint8ClampedArray(png.data) }
    }
    if (source.format === 'jpeg') {
      const jpeg = decodeJpeg(source.bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: MAX_MEGAPIXELS,
      })
      return {
        width: jpeg.width,
        height: jpeg.height,
        data: new Uint8ClampedArray(jpeg.data.buffer, jpeg.data.byteOffset, jpeg.data.length),
      }
    }
  } catch {
    // A file whose header passed but whose data does not decode is shown as a silhouette too.
  }
  return null
}

/**
 * The product as the scene shows it: the photo decoded (PNG and JPEG, in pure JavaScript), cut
 * out and scaled down, or a neutral silhouette of its shape for what cannot be decoded here.
 */
export const decodePicture = (source: PictureSource): Picture => {
  const pixels = decodePixels(source)
  if (!pixels) return silhouette(source.width, source.height)
  return cutOut(fitWithin(premultiplied(pixels.width, pixels.height, pixels.data), MAX_SIDE))
}
