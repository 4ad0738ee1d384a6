import { encode as encodeJpeg } from 'jpeg-js'
import { PNG } from 'pngjs'

/** Pixel helpers for the simulator's image tests: test photos in, result pictures out. */

export type Rgb = readonly [number, number, number]

/** Decoded RGBA pixels. */
export interface Pixels {
  width: number
  height: number
  data: Uint8Array
}

/** A rectangle, `x1`/`y1` exclusive. */
export interface Box {
  x0: number
  y0: number
  x1: number
  y1: number
}

export const decodePng = (bytes: Buffer): Pixels => PNG.sync.read(bytes)

/** The largest difference between two colours over their channels. */
export const channelGap = (a: Rgb, b: Rgb): number =>
  Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]))

const colorAt = (p: Pixels, x: number, y: number): Rgb => {
  const at = (y * p.width + x) * 4
  return [p.data[at] as number, p.data[at + 1] as number, p.data[at + 2] as number]
}

/** A box given as fractions of the picture's width and height. */
export const part = (p: Pixels, x0: number, y0: number, x1: number, y1: number): Box => ({
  x0: Math.round(x0 * p.width),
  y0: Math.round(y0 * p.height),
  x1: Math.round(x1 * p.width),
  y1: Math.round(y1 * p.height),
})

/** The mean colour of `box`. */
export const meanOf = (p: Pixels, box: Box = part(p, 0, 0, 1, 1)): Rgb => {
  const sum = [0, 0, 0]
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const c = colorAt(p, x, y)
      for (const i of [0, 1, 2]) sum[i] = (sum[i] as number) + c[i]
    }
  }
  const n = Math.max(1, (box.x1 - box.x0) * (box.y1 - box.y0))
  return [(sum[0] as number) / n, (sum[1] as number) / n, (sum[2] as number) / n]
}

/** Luma of a colour, 0–255. */
export const lumaOf = (c: Rgb): number => 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]

/** The bounding box and count of the pixels inside `within` that `match` accepts. */
export const findPixels = (p: Pixels, match: (c: Rgb) => boolean, within = part(p, 0, 0, 1, 1)) => {
  const box = { x0: p.width, y0: p.height, x1: 0, y1: 0 }
  let count = 0
  for (let y = within.y0; y < within.y1; y++) {
    for (let x = within.x0; x < within.x1; x++) {
      if (!match(colorAt(p, x, y))) continue
      count += 1
      box.x0 = Math.min(box.x0, x)
      box.y0 = Math.min(box.y0, y)
      box.x1 = Math.max(box.x1, x + 1)
      box.y1 = Math.max(box.y1, y + 1)
    }
  }
  return { box, count }
}

/** `box` shrunk by `fraction` of its size on every side. */
export const inset = (box: Box, fraction: number): Box => {
  const dx = Math.round((box.x1 - box.x0) * fraction)
  const dy = Math.round((box.y1 - box.y0) * fraction)
  return { x0: box.x0 + dx, y0: box.y0 + dy, x1: box.x1 - dx, y1: box.y1 - dy }
}

/** The mean absolute difference of two pictures of one size, per channel, 0–255. */
export const meanDifference = (a: Pixels, b: Pixels): number => {
  let sum = 0
  for (let i = 0; i < a.data.length; i += 4) {
    for (const c of [0, 1, 2])
      sum += Math.abs((a.data[i + c] as number) - (b.data[i + c] as number))
  }
  return sum / ((a.data.length / 4) * 3)
}

/** Colours of a test product photo: a bottle with a cap and a label, on a plain background. */
export interface PhotoColors {
  background: Rgb
  body: Rgb
  label: Rgb
  cap: Rgb
}

/** Where the bottle's body sits in a product photo, as fractions. */
export const BODY = { x0: 0.3, y0: 0.3, x1: 0.7, y1: 0.92 }

/** A `width` × `height` product photo as RGBA pixels: body, label band and cap on `background`. */
export const productPhoto = (colors: PhotoColors, width = 600, height = 800): Pixels => {
  const data = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const fx = x / width
      const fy = y / height
      const inBody = fx >= BODY.x0 && fx < BODY.x1 && fy >= BODY.y0 && fy < BODY.y1
      const inCap = fx >= 0.42 && fx < 0.58 && fy >= 0.12 && fy < BODY.y0
      const color = inCap
        ? colors.cap
        : inBody && fy >= 0.5 && fy < 0.7
          ? colors.label
          : inBody
            ? colors.body
            : colors.background
      data.set([...color, 255], (y * width + x) * 4)
    }
  }
  return { width, height, data }
}

export const pngDataUriOf = (p: Pixels): string => {
  const png = new PNG({ width: p.width, height: p.height })
  png.data.set(p.data)
  return `data:image/png;base64,${PNG.sync.write(png, { colorType: 6 }).toString('base64')}`
}

export const jpegDataUriOf = (p: Pixels): string =>
  `data:image/jpeg;base64,${encodeJpeg({ ...p, data: Buffer.from(p.data) }, 92).data.toString('base64')}`
