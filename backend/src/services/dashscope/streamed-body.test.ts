import { describe, expect, it } from 'vitest'
import { sourceOf } from '../../../test/reference-sources.ts'
import { streamedJson } from './streamed-body.ts'

const base64 = (bytes: Uint8Array) =>
  btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))
const random = (size: number) => Uint8Array.from({ length: size }, (_, i) => (i * 7919) % 251)

describe('streamedJson', () => {
  it.each([0, 1, 2, 3, 4, 5, 100, 49_153, 150_001])(
    'should give the same text and length as the data URIs inline, for %i bytes',
    async (size) => {
      const photos = [random(size), random(size + 1)]
      const value = { a: 'x', images: ['p0', 'p1'], text: 'p0 "p1" \u2603' }
      const body = streamedJson(
        JSON.stringify(value),
        photos.map((bytes, i) => ({
          placeholder: `p${i}`,
          source: sourceOf('image/png', bytes, 4_099),
        }))
      )
      const inline = JSON.stringify({
        ...value,
        images: photos.map((bytes) => `data:image/png;base64,${base64(bytes)}`),
      })
      const sent = new Uint8Array(await new Response(body.stream).arrayBuffer())
      expect(new TextDecoder().decode(sent)).toBe(inline)
      expect(body.length).toBe(sent.byteLength)
    }
  )
})
