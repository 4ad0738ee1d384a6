import { describe, expect, it } from 'vitest'
import { fakeImage } from '../../test/images.ts'
import { probeImage } from './image-probe.ts'

describe('probeImage', () => {
  it.each([
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['gif', 'image/gif'],
    ['bmp', 'image/bmp'],
    ['webp', 'image/webp'],
    ['tiff', 'image/tiff'],
  ] as const)('should read a %s header', (format, contentType) => {
    expect(probeImage(fakeImage[format](1200, 800))).toMatchObject({
      contentType,
      width: 1200,
      height: 800,
    })
  })

  it.each([
    ['empty', new Uint8Array()],
    ['text', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['a PNG cut inside its header', fakeImage.png(500, 500).slice(0, 20)],
    ['a JPEG without a frame header', new Uint8Array([0xff, 0xd8, 0xff, 0xd9])],
    ['zero width', fakeImage.gif(0, 500)],
    [
      'a polyglot that starts as HTML',
      new Uint8Array([...new TextEncoder().encode('<html>'), ...fakeImage.png(500, 500)]),
    ],
  ])('should refuse %s', (_name, bytes) => {
    expect(probeImage(bytes)).toBeUndefined()
  })

  it('should read the size a hostile header claims, so the caller can refuse it', () => {
    expect(probeImage(fakeImage.png(20000, 20000))).toMatchObject({ width: 20000, height: 20000 })
  })

  it('should read the 16-bit size of an old OS/2 bitmap header', () => {
    const os2 = new Uint8Array(26)
    const view = new DataView(os2.buffer)
    os2.set([0x42, 0x4d])
    view.setUint32(14, 12, true)
    view.setUint16(18, 1200, true)
    view.setUint16(20, 800, true)
    view.setUint16(22, 1, true)
    view.setUint16(24, 24, true)
    expect(probeImage(os2)).toMatchObject({ contentType: 'image/bmp', width: 1200, height: 800 })
  })

  it('should step over a JPEG marker that has no length before the frame header', () => {
    const jpeg = fakeImage.jpeg(1200, 800)
    // TEM (FF 01) stands alone: no length follows it.
    const withTem = new Uint8Array([...jpeg.slice(0, 2), 0xff, 0x01, ...jpeg.slice(2)])
    expect(probeImage(withTem)).toMatchObject({ width: 1200, height: 800 })
  })
})
