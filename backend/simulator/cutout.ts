import type { Picture } from './picture.ts'

// How far (largest channel difference) a pixel may be from the border colour and still count as
// background; generous enough for JPEG noise and a little falloff in the light.
const TOLERANCE = 40

const gapAt = (data: Uint8ClampedArray, at: number, color: readonly number[]): number =>
  Math.max(
    Math.abs((data[at] as number) - (color[0] as number)),
    Math.abs((data[at + 1] as number) - (color[1] as number)),
    Math.abs((data[at + 2] as number) - (color[2] as number))
  )

const borderIndexes = (width: number, height: number): number[] => {
  const indexes: number[] = []
  for (let x = 0; x < width; x++) indexes.push(x, (height - 1) * width + x)
  for (let y = 1; y < height - 1; y++) indexes.push(y * width, y * width + width - 1)
  return indexes
}

const median = (values: number[]): number => values.sort((a, b) => a - b)[values.length >> 1] ?? 0

// Premultiplied pixels fade by scaling colour and alpha together.
const fade = (data: Uint8ClampedArray, at: number, factor: number): void => {
  for (let c = 0; c < 4; c++) data[at + c] *= factor
}

/**
 * The photo's background as transparency: pixels close to the border's colour and connected to
 * the border (a flood fill, so light areas the product encloses, such as a label framed by dark
 * glass, stay). Returns false, changing nothing, when the border is not one plain colour or
 * nearly nothing would remain.
 */
const keyOutBackground = ({ width, height, data }: Picture): boolean => {
  const border = borderIndexes(width, height)
  const background = [0, 1, 2].map((c) => median(border.map((i) => data[i * 4 + c] as number)))
  const plain = border.filter((i) => gapAt(data, i * 4, background) <= TOLERANCE).length
  if (plain < border.length * 0.85) return false
  const removed = new Uint8Array(width * height)
  const queue = new Int32Array(width * height)
  let tail = 0
  for (const i of border) {
    if (gapAt(data, i * 4, background) <= TOLERANCE) {
      removed[i] = 1
      queue[tail++] = i
    }
  }
  for (let head = 0; head < tail; head++) {
    const i = queue[head] as number
    const x = i % width
    for (const next of [i - width, i + width, x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1]) {
      if (next < 0 || next >= removed.length || removed[next]) continue
      if (gapAt(data, next * 4, background) > TOLERANCE) continue
      removed[next] = 1
      queue[tail++] = next
    }
  }
  if (tail < removed.length * 0.03 || tail > removed.length * 0.97) return false
  for (let i = 0; i < removed.length; i++) {
    // Pixels past half the tolerance fade rather than vanish, which softens the outline.
    if (removed[i])
      fade(data, i * 4, Math.max(0, (gapAt(data, i * 4, background) / TOLERANCE) * 2 - 1))
  }
  return true
}

// A photo whose background cannot be told apart fades out at its edges instead of showing as a
// hard-edged rectangle in the scene.
const featherEdges = ({ width, height, data }: Picture): void => {
  const band = Math.max(2, Math.min(width, height) * 0.08)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const edge = Math.min(x + 0.5, y + 0.5, width - x - 0.5, height - y - 0.5)
      if (edge < band) fade(data, (y * width + x) * 4, (edge / band) ** 1.5)
    }
  }
}

const hasTransparency = ({ data }: Picture): boolean => {
  let clear = 0
  for (let at = 3; at < data.length; at += 4) if ((data[at] as number) < 250) clear += 1
  return clear > data.length / 4 / 100
}

/** The smallest rectangle holding every pixel that is more than faintly visible. */
const croppedToContent = (image: Picture): Picture => {
  const { width, height, data } = image
  let [x0, y0, x1, y1] = [width, height, 0, 0]
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((data[(y * width + x) * 4 + 3] as number) <= 8) continue
      x0 = Math.min(x0, x)
      y0 = Math.min(y0, y)
      x1 = Math.max(x1, x + 1)
      y1 = Math.max(y1, y + 1)
    }
  }
  if (x1 <= x0 || y1 <= y0) return image
  const out = new Uint8ClampedArray((x1 - x0) * (y1 - y0) * 4)
  for (let y = y0; y < y1; y++) {
    out.set(data.subarray((y * width + x0) * 4, (y * width + x1) * 4), (y - y0) * (x1 - x0) * 4)
  }
  return { width: x1 - x0, height: y1 - y0, data: out }
}

/**
 * Turns a product photo into a cut-out: its own transparency when it has some, else its plain
 * background removed, else its edges feathered. Cropped to what remains; `image` is changed.
 */
export const cutOut = (image: Picture): Picture => {
  if (!hasTransparency(image) && !keyOutBackground(image)) featherEdges(image)
  return croppedToContent(image)
}
