/** What the bytes of an uploaded image say it is: its real type and pixel size. */
export type ImageInfo = { contentType: string; extension: string; width: number; height: number }

type Probe = (b: Uint8Array, v: DataView) => ImageInfo | undefined

const startsWith = (b: Uint8Array, magic: number[], at = 0) =>
  b.length >= at + magic.length && magic.every((byte, i) => b[at + i] === byte)
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

const png: Probe = (b, v) =>
  startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) &&
  b.length >= 24 &&
  startsWith(b, ascii('IHDR'), 12)
    ? {
        contentType: 'image/png',
        extension: 'png',
        width: v.getUint32(16),
        height: v.getUint32(20),
      }
    : undefined

const gif: Probe = (b, v) =>
  (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) && b.length >= 10
    ? {
        contentType: 'image/gif',
        extension: 'gif',
        width: v.getUint16(6, true),
        height: v.getUint16(8, true),
      }
    : undefined

const bmp: Probe = (b, v) =>
  startsWith(b, ascii('BM')) && b.length >= 26
    ? {
        contentType: 'image/bmp',
        extension: 'bmp',
        width: Math.abs(v.getInt32(18, true)),
        height: Math.abs(v.getInt32(22, true)),
      }
    : undefined

const webp: Probe = (b, v) => {
  if (!startsWith(b, ascii('RIFF')) || !startsWith(b, ascii('WEBP'), 8) || b.length < 30)
    return undefined
  const info = (width: number, height: number) => ({
    contentType: 'image/webp',
    extension: 'webp',
    width,
    height,
  })
  if (startsWith(b, ascii('VP8 '), 12))
    return info(v.getUint16(26, true) & 0x3fff, v.getUint16(28, true) & 0x3fff)
  if (startsWith(b, ascii('VP8L'), 12) && b[20] === 0x2f) {
    const bits = v.getUint32(21, true)
    return info((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1)
  }
  if (startsWith(b, ascii('VP8X'), 12)) {
    const u24 = (at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16)
    return info(u24(24) + 1, u24(27) + 1)
  }
  return undefined
}

// Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])

const jpeg: Probe = (b, v) => {
  if (!startsWith(b, [0xff, 0xd8, 0xff])) return undefined
  let at = 2
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return undefined
    const marker = b[at + 1] ?? 0
    if (marker === 0xff) {
      at += 1
      continue
    }
    if (SOF.has(marker)) {
      return {
        contentType: 'image/jpeg',
        extension: 'jpg',
        width: v.getUint16(at + 7),
        height: v.getUint16(at + 5),
      }
    }
    at += 2 + v.getUint16(at + 2)
  }
  return undefined
}

const tiff: Probe = (b, v) => {
  const little = startsWith(b, [0x49, 0x49, 0x2a, 0x00])
  if (!little && !startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return undefined
  const ifd = v.getUint32(4, little)
  if (ifd + 2 > b.length) return undefined
  const entries = v.getUint16(ifd, little)
  let width = 0
  let height = 0
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12
    if (entry + 12 > b.length) return undefined
    const tag = v.getUint16(entry, little)
    const type = v.getUint16(entry + 2, little)
    const value = type === 3 ? v.getUint16(entry + 8, little) : v.getUint32(entry + 8, little)
    if (tag === 256) width = value
    if (tag === 257) height = value
  }
  return width && height
    ? { contentType: 'image/tiff', extension: 'tif', width, height }
    : undefined
}

const PROBES = [png, jpeg, webp, gif, bmp, tiff]

/**
 * Reads the type and size of an image from its bytes alone (never its name or declared type).
 * Returns `undefined` for anything that is not a readable JPEG, PNG, WEBP, BMP, TIFF or GIF header.
 */
export const probeImage = (bytes: Uint8Array): ImageInfo | undefined => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (const probe of PROBES) {
    try {
      const info = probe(bytes, view)
      if (info) return info.width > 0 && info.height > 0 ? info : undefined
    } catch {
      // A header cut short (RangeError) is simply not a readable image.
      return undefined
    }
  }
  return undefined
}
