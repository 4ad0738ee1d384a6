/** RGBA pixels with premultiplied alpha, so that scaling never bleeds a removed background in. */
export interface Picture {
  width: number
  height: number
  data: Uint8ClampedArray
}

/** Multiplies colour by alpha in place: straight RGBA in, a `Picture` out. */
export const premultiplied = (width: number, height: number, data: Uint8ClampedArray): Picture => {
  for (let at = 0; at < data.length; at += 4) {
    const alpha = (data[at + 3] as number) / 255
    data[at] *= alpha
    data[at + 1] *= alpha
    data[at + 2] *= alpha
  }
  return { width, height, data }
}

/**
 * Scales `picture` to `width` × `height` by averaging the source pixels each target pixel covers,
 * which keeps detail when shrinking where bilinear sampling alone would alias.
 */
export const resized = (picture: Picture, width: number, height: number): Picture => {
  const data = new Uint8ClampedArray(width * height * 4)
  const sx = picture.width / width
  const sy = picture.height / height
  const sum = new Float64Array(4)
  for (let y = 0; y < height; y++) {
    const ya = Math.floor(y * sy)
    const yb = Math.max(ya + 1, Math.min(picture.height, Math.floor((y + 1) * sy)))
    for (let x = 0; x < width; x++) {
      const xa = Math.floor(x * sx)
      const xb = Math.max(xa + 1, Math.min(picture.width, Math.floor((x + 1) * sx)))
      sum.fill(0)
      for (let v = ya; v < yb; v++) {
        for (let u = xa; u < xb; u++) {
          const from = (v * picture.width + u) * 4
          for (let c = 0; c < 4; c++) sum[c] += picture.data[from + c] as number
        }
      }
      const count = (yb - ya) * (xb - xa)
      for (let c = 0; c < 4; c++) data[(y * width + x) * 4 + c] = (sum[c] as number) / count
    }
  }
  return { width, height, data }
}

/** `picture` no larger than `maxSide` on its longer side. */
export const fitWithin = (picture: Picture, maxSide: number): Picture => {
  const scale = maxSide / Math.max(picture.width, picture.height)
  if (scale >= 1) return picture
  return resized(
    picture,
    Math.max(1, Math.round(picture.width * scale)),
    Math.max(1, Math.round(picture.height * scale))
  )
}
