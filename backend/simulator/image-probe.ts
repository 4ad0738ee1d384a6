/** What the header of an input image says: its format and, when readable, its pixel size. */
export interface ImageProbe {
  format: 'png' | 'jpeg' | 'gif' | 'bmp' | 'webp' | 'tiff'
  width: number | null
  height: number | null
}

type Size = { width: number; height: number } | null

const ascii = (bytes: Buffer, start: number, text: string): boolean =>
  bytes.length >= start + text.length &&
  bytes.toString('latin1', start, start + text.length) === text

const pngSize = (b: Buffer): Size =>
  b.length >= 24 && ascii(b, 12, 'IHDR')
    ? { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
    : null

// SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
const isStartOfFrame = (marker: number): boolean =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc

const jpegSize = (b: Buffer): Size => {
  let at = 2
  while (at + 9 <= b.length) {
    if (b[at] !== 0xff) return null
    const marker = b[at + 1]
    if (marker === 0xff) at += 1
    else if (isStartOfFrame(marker))
      return { height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) }
    else if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) at += 2
    else at += 2 + b.readUInt16BE(at + 2)
  }
  return null
}

const gifSize = (b: Buffer): Size =>
  b.length >= 10 ? { width: b.readUInt16LE(6), height: b.readUInt16LE(8) } : null

const bmpSize = (b: Buffer): Size => {
  if (b.length < 26) return null
  // The old OS/2 header (12 bytes) stores 16-bit sizes; every later one stores signed 32-bit.
  if (b.readUInt32LE(14) === 12) return { width: b.readUInt16LE(18), height: b.readUInt16LE(20) }
  return { width: Math.abs(b.readInt32LE(18)), height: Math.abs(b.readInt32LE(22)) }
}

// Reads past the end throw a RangeError, which `probeImage` turns into "size unknown".
const webpSize = (b: Buffer): Size => {
  if (ascii(b, 12, 'VP8 ')) {
    return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff }
  }
  if (ascii(b, 12, 'VP8L')) {
    const bits = b.readUInt32LE(21)
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
  }
  if (ascii(b, 12, 'VP8X'))
    return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 }
  return null
}

const tiffSize = (b: Buffer): Size => {
  const le = b[0] === 0x49
  const u16 = (at: number) => (le ? b.readUInt16LE(at) : b.readUInt16BE(at))
  const u32 = (at: number) => (le ? b.readUInt32LE(at) : b.readUInt32BE(at))
  const ifd = u32(4)
  if (ifd + 2 > b.length) return null
  const found = new Map<number, number>()
  for (let i = 0; i < u16(ifd); i++) {
    const entry = ifd + 2 + i * 12
    if (entry + 12 > b.length) break
    const tag = u16(entry)
    // Type 3 is SHORT, 4 is LONG; width (256) and length (257) may use either.
    if (tag === 256 || tag === 257)
      found.set(tag, u16(entry + 2) === 3 ? u16(entry + 8) : u32(entry + 8))
  }
  const width = found.get(256)
  const height = found.get(257)
  return width === undefined || height === undefined ? null : { width, height }
}

const FORMATS: {
  format: ImageProbe['format']
  magic: (b: Buffer) => boolean
  size: (b: Buffer) => Size
}[] = [
  { format: 'png', magic: (b) => ascii(b, 0, '\x89PNG\r\n\x1a\n'), size: pngSize },
  {
    format: 'jpeg',
    magic: (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
    size: jpegSize,
  },
  { format: 'gif', magic: (b) => ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a'), size: gifSize },
  { format: 'bmp', magic: (b) => ascii(b, 0, 'BM'), size: bmpSize },
  { format: 'webp', magic: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP'), size: webpSize },
  {
    format: 'tiff',
    magic: (b) => ascii(b, 0, 'II*\x00') || ascii(b, 0, 'MM\x00*'),
    size: tiffSize,
  },
]

/**
 * Identifies an input image by its magic number and reads its size from the header only.
 * Returns `null` for formats DashScope does not take; `width`/`height` are `null` when the
 * header is truncated or unreadable.
 */
export const probeImage = (bytes: Buffer): ImageProbe | null => {
  const match = FORMATS.find((entry) => entry.magic(bytes))
  if (!match) return null
  let size: Size = null
  try {
    size = match.size(bytes)
  } catch {
    // A header that points past the end of the file reads as "size unknown", not as a crash.
    size = null
  }
  return { format: match.format, width: size?.width ?? null, height: size?.height ?? null }
}
