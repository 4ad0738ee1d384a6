/** Minimal image files for tests: a real header of each format with the given size, then padding. */
const bytes = (size: number, fill: (v: DataView, b: Uint8Array) => void) => {
  const b = new Uint8Array(size)
  fill(new DataView(b.buffer), b)
  return b
}
const put = (b: Uint8Array, at: number, text: string) => {
  for (let i = 0; i < text.length; i++) b[at + i] = text.charCodeAt(i)
}

export const fakeImage = {
  png: (w: number, h: number, pad = 64) =>
    bytes(33 + pad, (v, b) => {
      b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
      v.setUint32(8, 13)
      put(b, 12, 'IHDR')
      v.setUint32(16, w)
      v.setUint32(20, h)
      b.set([8, 6, 0, 0, 0], 24)
    }),
  jpeg: (w: number, h: number) =>
    bytes(64, (v, b) => {
      b.set([0xff, 0xd8, 0xff, 0xe0])
      v.setUint16(4, 16)
      put(b, 6, 'JFIF')
      b.set([0xff, 0xc0], 20)
      v.setUint16(22, 17)
      b[24] = 8
      v.setUint16(25, h)
      v.setUint16(27, w)
    }),
  gif: (w: number, h: number) =>
    bytes(32, (v, b) => {
      put(b, 0, 'GIF89a')
      v.setUint16(6, w, true)
      v.setUint16(8, h, true)
    }),
  bmp: (w: number, h: number) =>
    bytes(64, (v, b) => {
      put(b, 0, 'BM')
      v.setInt32(18, w, true)
      v.setInt32(22, -h, true)
    }),
  webp: (w: number, h: number) =>
    bytes(40, (_v, b) => {
      put(b, 0, 'RIFF')
      put(b, 8, 'WEBPVP8X')
      const u24 = (at: number, n: number) =>
        b.set([n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff], at)
      u24(24, w - 1)
      u24(27, h - 1)
    }),
  tiff: (w: number, h: number) =>
    bytes(64, (v, b) => {
      b.set([0x49, 0x49, 0x2a, 0x00])
      v.setUint32(4, 8, true)
      v.setUint16(8, 2, true)
      v.setUint16(10, 256, true)
      v.setUint16(12, 3, true)
      v.setUint16(18, w, true)
      v.setUint16(22, 257, true)
      v.setUint16(24, 4, true)
      v.setUint32(30, h, true)
    }),
}
