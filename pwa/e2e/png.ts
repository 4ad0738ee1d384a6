import { deflateSync } from 'node:zlib'

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

const crc32 = (bytes: Buffer): number => {
  let c = 0xffffffff
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const chunk = (type: string, data: Buffer): Buffer => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const out = Buffer.alloc(body.length + 8)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE(crc32(body), body.length + 4)
  return out
}

/**
 * Encodes 8-bit pixels, `channels` a pixel (3: RGB, 4: RGBA), row-major without filter bytes.
 */
export const encodePng = (width: number, height: number, channels: 3 | 4, pixels: Uint8Array) => {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  // 8-bit, truecolour (with alpha for 4 channels), deflate, no filter, no interlace.
  header.set([8, channels === 4 ? 6 : 2, 0, 0, 0], 8)
  const stride = width * channels
  const raw = Buffer.alloc((stride + 1) * height)
  for (let y = 0; y < height; y++) {
    raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/**
 * A PNG of `width` × `height`: a lighter square in the middle of a coloured background, so it
 * reads as a product photo. With `transparent`, the background is fully transparent (RGBA).
 */
export const makePng = (width: number, height: number, { transparent = false } = {}): Buffer => {
  const channels = transparent ? 4 : 3
  const pixels = new Uint8Array(width * height * channels)
  const product = transparent ? [255, 209, 102, 255] : [255, 209, 102]
  const background = transparent ? [0, 0, 0, 0] : [58, 123, 213]
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = Math.abs(x - width / 2) < width / 4 && Math.abs(y - height / 2) < height / 4
      pixels.set(inside ? product : background, (y * width + x) * channels)
    }
  }
  return encodePng(width, height, channels, pixels)
}
