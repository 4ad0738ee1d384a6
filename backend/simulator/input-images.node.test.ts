import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Simulator } from './server.ts'
import {
  callSync,
  control,
  type ErrorResponse,
  editBody,
  imageUrls,
  json,
  pngDataUri,
  type SyncResponse,
  startTestSimulator,
  textBody,
} from './test-support.ts'

let sim: Simulator

beforeAll(async () => {
  sim = await startTestSimulator()
})
afterAll(() => sim.close())
beforeEach(() => control(sim, 'POST', 'reset'))

const u16 = (value: number, le = true) => {
  const b = Buffer.alloc(2)
  if (le) b.writeUInt16LE(value)
  else b.writeUInt16BE(value)
  return b
}
const u32 = (value: number, le = true) => {
  const b = Buffer.alloc(4)
  if (le) b.writeInt32LE(value)
  else b.writeInt32BE(value)
  return b
}
const u24 = (value: number) => u32(value).subarray(0, 3)
const bytes = (...parts: (Buffer | string | number[])[]) =>
  Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p as string, 'latin1'))))
const riff = (...chunk: (Buffer | string | number[])[]) => bytes('RIFF', u32(22), 'WEBP', ...chunk)

// Header-only images: enough for the simulator, which never decodes pixels.
const HEADERS: Record<string, (w: number, h: number) => Buffer> = {
  jpeg: (w, h) =>
    bytes(
      [0xff, 0xd8, 0xff, 0xe0, 0, 16],
      'JFIF\0',
      Buffer.alloc(9),
      [0xff, 0xc0, 0, 17, 8],
      u16(h, false),
      u16(w, false),
      [3],
      Buffer.alloc(9),
      [0xff, 0xd9]
    ),
  gif: (w, h) => bytes('GIF89a', u16(w), u16(h), Buffer.alloc(7)),
  bmp: (w, h) => bytes('BM', Buffer.alloc(12), u32(40), u32(w), u32(-h), Buffer.alloc(28)),
  'webp (VP8X)': (w, h) => riff('VP8X', u32(10), Buffer.alloc(4), u24(w - 1), u24(h - 1)),
  'webp (VP8L)': (w, h) => riff('VP8L', u32(5), [0x2f], u32((w - 1) | ((h - 1) << 14)), [0]),
  'webp (VP8)': (w, h) => riff('VP8 ', u32(10), [0, 0, 0, 0x9d, 0x01, 0x2a], u16(w), u16(h)),
  'tiff (II)': (w, h) =>
    bytes(
      'II*\0',
      u32(8),
      u16(2),
      u16(256),
      u16(3),
      u32(1),
      u16(w),
      u16(0),
      u16(257),
      u16(4),
      u32(1),
      u32(h),
      u32(0)
    ),
  'tiff (MM)': (w, h) =>
    bytes(
      'MM\0*',
      u32(8, false),
      u16(2, false),
      u16(256, false),
      u16(4, false),
      u32(1, false),
      u32(w, false),
      u16(257, false),
      u16(3, false),
      u32(1, false),
      u16(h, false),
      u16(0),
      u32(0)
    ),
}

const dataUri = (buffer: Buffer, mime = 'image/png') =>
  `data:${mime};base64,${buffer.toString('base64')}`

const expectError = async (response: Response, code: string, message?: string) => {
  const body = await json<ErrorResponse>(response)
  expect({ status: response.status, code: body.code }).toEqual({ status: 400, code })
  if (message !== undefined) expect(body.message).toBe(message)
}

describe('input images (docs/dashscope.md §12.4 step 5)', () => {
  it.each(Object.keys(HEADERS))('should read the size from a %s header', async (format) => {
    const image = dataUri(HEADERS[format](512, 600))
    const body = await json<SyncResponse>(await callSync(sim, editBody([image], 'x')))
    // 512×600 has aspect 0.853: the default edit size proves both sides were read.
    expect(body.usage).toMatchObject({ width: 944, height: 1104 })
    await expectError(
      await callSync(sim, editBody([dataUri(HEADERS[format](300, 600))], 'x')),
      'InvalidParameter'
    )
  })

  it.each([
    ['a number', 42, 'InvalidURL'],
    ['an ftp URL', 'ftp://example.test/a.png', 'InvalidURL'],
    ['bad base64', 'data:image/png;base64,@@@@', 'InvalidParameter'],
    [
      'a text file',
      dataUri(Buffer.from('hello world, not an image'), 'text/plain'),
      'BadRequest.UnsupportedFileFormat',
    ],
    [
      'a truncated PNG',
      dataUri(Buffer.from('89504e470d0a1a0a0000', 'hex')),
      'InvalidParameter.DataInspection',
    ],
    ['a 200×200 image', pngDataUri(200, 200), 'InvalidParameter'],
    ['a 3100-px side', pngDataUri(3100, 400), 'InvalidParameter'],
  ])('should refuse %s', async (_, image, code) => {
    await expectError(await callSync(sim, editBody([image as string], 'x')), code)
  })

  it('should refuse an input over 10 MB', async () => {
    const big = Buffer.concat([
      Buffer.from(pngDataUri(512, 512).split(',')[1], 'base64'),
      Buffer.alloc(10 * 1024 * 1024),
    ])
    await expectError(await callSync(sim, editBody([dataUri(big)], 'x')), 'InvalidParameter')
  })

  it('should name a URL it cannot download', async () => {
    const url = `${sim.url}/results/20260101/missing-0.png`
    await expectError(
      await callSync(sim, editBody([url], 'x')),
      'BadRequest.InputDownloadFailed',
      `Failed to download the input file: ${url}`
    )
  })

  it('should download a public URL input', async () => {
    const [url] = imageUrls(
      await json<SyncResponse>(await callSync(sim, textBody('a bottle', { size: '1104*1472' })))
    )
    const body = await json<SyncResponse>(await callSync(sim, editBody([url], 'on a beach')))
    expect(body.usage).toMatchObject({ width: 880, height: 1184 })
  })

  it('should accept small inputs when strict_inputs is off', async () => {
    await control(sim, 'POST', 'config', { strict_inputs: false })
    try {
      expect((await callSync(sim, editBody([pngDataUri(200, 200)], 'x'))).status).toBe(200)
    } finally {
      await control(sim, 'POST', 'config', { strict_inputs: true })
    }
  })
})
