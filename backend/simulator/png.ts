import { constants, crc32, deflateSync } from 'node:zlib'

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

const chunk = (type: string, data: Buffer): Buffer => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * Encodes 8-bit RGB pixels (row-major, 3 bytes a pixel, no filter bytes) as a PNG file.
 * @example encodePng(2, 1, Buffer.from([255, 0, 0, 0, 0, 255]))
 */
export const encodePng = (
  width: number,
  height: number,
  rgb: Uint8Array | Uint8ClampedArray
): Buffer => {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // colour type: truecolour RGB
  const stride = width * 3
  // Every scanline starts with its filter type. 2 (Up) stores each byte minus the one above it:
  // smooth backdrops become runs of near-zero bytes, which deflate makes smaller and faster.
  const raw = Buffer.alloc((stride + 1) * height)
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1)
    raw[row] = 2
    for (let i = 0; i < stride; i++) {
      const above = y > 0 ? (rgb[(y - 1) * stride + i] as number) : 0
      raw[row + 1 + i] = (rgb[y * stride + i] as number) - above
    }
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    // Run-length matching only: after the Up filter most bytes repeat, and it deflates a
    // 1328 × 1328 picture about four times faster than the default for 1.5 × the bytes.
    chunk('IDAT', deflateSync(raw, { strategy: constants.Z_RLE })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
