/**
 * Reads an image's type and pixel size from its header bytes alone (never its name or declared
 * type). The one reader of image headers: the Worker checks uploads and stored results with it,
 * and the DashScope simulator checks its inputs with it.
 */

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'bmp' | 'webp' | 'tiff'

/** What the bytes of an uploaded image say it is: its real type and pixel size. */
export type ImageInfo = { contentType: string; extension: string; width: number; height: number }

/** A recognised format whose size may be unreadable (a header cut short, or one that lies). */
export type ImageHeader = { format: ImageFormat; width: number | null; height: number | null }

type Size = { width: number; height: number } | null
type Bytes = { b: Uint8Array; v: DataView }

const startsWith = (b: Uint8Array, magic: number[], at = 0) =>
  b.length >= at + magic.length && magic.every((byte, i) => b[at + i] === byte)
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

const pngSize = ({ b, v }: Bytes): Size =>
  b.length >= 24 && startsWith(b, ascii('IHDR'), 12)
    ? { width: v.getUint32(16), height: v.getUint32(20) }
    : null

// SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
const isStartOfFrame = (marker: number): boolean =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc

const jpegSize = ({ b, v }: Bytes): Size => {
  let at = 2
  while (at + 9 <= b.length) {
    if (b[at] !== 0xff) return null
    const marker = b[at + 1] ?? 0
    if (marker === 0xff) at += 1
    else if (isStartOfFrame(marker))
      return { height: v.getUint16(at + 5), width: v.getUint16(at + 7) }
    // TEM, RSTn, SOI and EOI stand alone: no length follows them.
    else if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) at += 2
    else at += 2 + v.getUint16(at + 2)
  }
  return null
}

const gifSize = ({ b, v }: Bytes): Size =>
  b.length >= 10 ? { width: v.getUint16(6, true), height: v.getUint16(8, true) } : null

const bmpSize = ({ b, v }: Bytes): Size => {
  if (b.length < 26) return null
  // The old OS/2 header (12 bytes) stores 16-bit sizes; every later one stores signed 32-bit.
  if (v.getUint32(14, true) === 12)
    return { width: v.getUint16(18, true), height: v.getUint16(20, true) }
  return { width: Math.abs(v.getInt32(18, true)), height: Math.abs(v.getInt32(22, true)) }
}

const webpSize = ({ b, v }: Bytes): Size => {
  if (startsWith(b, ascii('VP8 '), 12))
    return { width: v.getUint16(26, true) & 0x3fff, height: v.getUint16(28, true) & 0x3fff }
  // A lossless stream starts with its signature byte 0x2f.
  if (startsWith(b, ascii('VP8L'), 12) && b[20] === 0x2f) {
    const bits = v.getUint32(21, true)
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
  }
  if (startsWith(b, ascii('VP8X'), 12)) {
    const u24 = (at: number) => v.getUint16(at, true) | (v.getUint8(at + 2) << 16)
    return { width: u24(24) + 1, height: u24(27) + 1 }
  }
  return null
}

const tiffSize = ({ b, v }: Bytes): Size => {
  const little = b[0] === 0x49
  const ifd = v.getUint32(4, little)
  if (ifd + 2 > b.length) return null
  const found = new Map<number, number>()
  for (let i = 0; i < v.getUint16(ifd, little); i++) {
    const entry = ifd + 2 + i * 12
    if (entry + 12 > b.length) break
    const tag = v.getUint16(entry, little)
    // Type 3 is SHORT, 4 is LONG; width (256) and length (257) may use either.
    if (tag === 256 || tag === 257) {
      const short = v.getUint16(entry + 2, little) === 3
      found.set(tag, short ? v.getUint16(entry + 8, little) : v.getUint32(entry + 8, little))
    }
  }
  const width = found.get(256)
  const height = found.get(257)
  return width === undefined || height === undefined ? null : { width, height }
}

const FORMATS: {
  format: ImageFormat
  contentType: string
  extension: string
  magic: (b: Uint8Array) => boolean
  size: (bytes: Bytes) => Size
}[] = [
  {
    format: 'png',
    contentType: 'image/png',
    extension: 'png',
    magic: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    size: pngSize,
  },
  {
    format: 'jpeg',
    contentType: 'image/jpeg',
    extension: 'jpg',
    magic: (b) => startsWith(b, [0xff, 0xd8, 0xff]),
    size: jpegSize,
  },
  {
    format: 'webp',
    contentType: 'image/webp',
    extension: 'webp',
    magic: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8),
    size: webpSize,
  },
  {
    format: 'gif',
    contentType: 'image/gif',
    extension: 'gif',
    magic: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')),
    size: gifSize,
  },
  {
    format: 'bmp',
    contentType: 'image/bmp',
    extension: 'bmp',
    magic: (b) => startsWith(b, ascii('BM')),
    size: bmpSize,
  },
  {
    format: 'tiff',
    contentType: 'image/tiff',
    extension: 'tif',
    magic: (b) =>
      startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]),
    size: tiffSize,
  },
]

const identify = (bytes: Uint8Array) => {
  const match = FORMATS.find((entry) => entry.magic(bytes))
  if (!match) return undefined
  let size: Size = null
  try {
    size = match.size({
      b: bytes,
      v: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    })
  } catch {
    // A header that points past the end of the bytes (RangeError) has no readable size.
    size = null
  }
  return { match, size }
}

/**
 * The format by its magic number, and the size when the header gives one; `null` for anything
 * that is not a JPEG, PNG, WEBP, GIF, BMP or TIFF.
 */
export const readImageHeader = (bytes: Uint8Array): ImageHeader | null => {
  const found = identify(bytes)
  if (!found) return null
  return {
    format: found.match.format,
    width: found.size?.width ?? null,
    height: found.size?.height ?? null,
  }
}

/**
 * The type and size of an image, or `undefined` for anything that is not a readable JPEG, PNG,
 * WEBP, BMP, TIFF or GIF header with a size above zero.
 */
export const probeImage = (bytes: Uint8Array): ImageInfo | undefined => {
  const found = identify(bytes)
  if (!found?.size || found.size.width <= 0 || found.size.height <= 0) return undefined
  const { contentType, extension } = found.match
  return { contentType, extension, ...found.size }
}
