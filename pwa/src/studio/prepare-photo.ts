import {
  dimensionError,
  lowResolutionWarning,
  MAX_BYTES,
  photoType,
  preparedSize,
  TOO_BIG,
  UNREADABLE,
  UNSUPPORTED_TYPE,
} from './photo-rules.ts'

/** A photo ready for the draft, with the non-blocking warning if it is small. */
export type PreparedPhoto =
  | { readonly ok: true; readonly blob: Blob; readonly warning?: string }
  | { readonly ok: false; readonly error: string }

const MAY_BE_TRANSPARENT = new Set(['image/png', 'image/webp', 'image/gif'])

const encode = (canvas: OffscreenCanvas, type: string): Promise<Blob> =>
  canvas.convertToBlob(type === 'image/jpeg' ? { type, quality: 0.9 } : { type })

const hasTransparency = (context: OffscreenCanvasRenderingContext2D, w: number, h: number) => {
  const { data } = context.getImageData(0, 0, w, h)
  for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 255) < 255) return true
  return false
}

const draw = (bitmap: ImageBitmap, w: number, h: number, background?: string) => {
  const canvas = new OffscreenCanvas(w, h)
  const context = canvas.getContext('2d')
  if (!context) throw new Error('no 2d context')
  if (background) {
    context.fillStyle = background
    context.fillRect(0, 0, w, h)
  }
  context.imageSmoothingQuality = 'high'
  context.drawImage(bitmap, 0, 0, w, h)
  return { canvas, context }
}

/**
 * Checks and re-encodes a picked photo on the device (docs/product.md §5.1): decodes it with the
 * camera's rotation applied, scales it down, and writes PNG when it has transparent pixels, JPEG
 * 0.9 otherwise. Re-encoding also drops metadata such as the GPS location.
 */
export const preparePhoto = async (file: File): Promise<PreparedPhoto> => {
  const type = photoType(file)
  if (!type) return { ok: false, error: UNSUPPORTED_TYPE }
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  } catch {
    return { ok: false, error: UNREADABLE }
  }
  try {
    const invalid = dimensionError(bitmap.width, bitmap.height)
    if (invalid) return { ok: false, error: invalid }
    const { width, height } = preparedSize(bitmap.width, bitmap.height)
    const { canvas, context } = draw(bitmap, width, height)
    const transparent = MAY_BE_TRANSPARENT.has(type) && hasTransparency(context, width, height)
    let blob = await encode(canvas, transparent ? 'image/png' : 'image/jpeg')
    if (blob.size > MAX_BYTES && transparent) {
      // White, not black: JPEG has no alpha, and a product on white is the common case.
      blob = await encode(draw(bitmap, width, height, '#ffffff').canvas, 'image/jpeg')
    }
    if (blob.size > MAX_BYTES) return { ok: false, error: TOO_BIG }
    const warning = lowResolutionWarning(width, height)
    return warning ? { ok: true, blob, warning } : { ok: true, blob }
  } catch {
    return { ok: false, error: UNREADABLE }
  } finally {
    bitmap.close()
  }
}
