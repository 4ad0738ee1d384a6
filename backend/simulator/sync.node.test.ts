import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Simulator } from './server.ts'
import {
  callSync,
  control,
  counters,
  download,
  editBody,
  imageUrls,
  inspectPng,
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

const generate = async (body: unknown) => {
  const response = await callSync(sim, body)
  expect(response.status).toBe(200)
  return { response, body: await json<SyncResponse>(response) }
}

const firstImage = async (body: unknown) => {
  const [url] = imageUrls((await generate(body)).body)
  return (await download(url)).bytes
}

describe('POST …/multimodal-generation/generation (docs/dashscope.md §5.2, §12.5)', () => {
  it('should answer in the captured shape with the documented headers', async () => {
    const { response, body } = await generate(
      textBody('a red bicycle', { size: '1328*1328', seed: 233 })
    )
    expect(body).toEqual({
      output: {
        choices: [
          {
            finish_reason: 'stop',
            message: {
              role: 'assistant',
              content: [
                {
                  image: expect.stringMatching(
                    /^http:\/\/127\.0\.0\.1:\d+\/results\/\d{8}\/.+-0\.png\?Expires=\d+&OSSAccessKeyId=SIM&Signature=/
                  ),
                },
              ],
            },
          },
        ],
        task_metric: { TOTAL: 1, SUCCEEDED: 1, FAILED: 0 },
      },
      usage: { height: 1328, image_count: 1, width: 1328 },
      request_id: expect.any(String),
    })
    expect(response.headers.get('x-request-id')).toBe(body.request_id)
    expect(response.headers.get('x-dashscope-simulator')).toBe('1')
    expect(response.headers.get('x-dashscope-timeout')).toBe('298')
    expect(Number(response.headers.get('req-cost-time'))).toBeGreaterThanOrEqual(50)
    expect(response.headers.get('content-type')).toBe('application/json')
  })

  it('should serve a decodable PNG of the requested size', async () => {
    const { body } = await generate(textBody('a red bicycle', { size: '928*1664' }))
    const { response, bytes } = await download(imageUrls(body)[0])
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(Number(response.headers.get('content-length'))).toBe(bytes.length)
    expect(inspectPng(bytes)).toEqual({
      signatureOk: true,
      crcOk: true,
      types: ['IHDR', 'IDAT', 'IEND'],
      width: 928,
      height: 1664,
      pixelsOk: true,
    })
  })

  it('should give different bytes for a different prompt or seed, the same for the same inputs', async () => {
    const cat = await firstImage(textBody('a cat', { seed: 1, size: '1328*1328' }))
    const dog = await firstImage(textBody('a dog', { seed: 1, size: '1328*1328' }))
    const otherSeed = await firstImage(textBody('a cat', { seed: 2, size: '1328*1328' }))
    const again = await firstImage(textBody('a cat', { seed: 1, size: '1328*1328' }))
    expect(cat.equals(dog)).toBe(false)
    expect(cat.equals(otherSeed)).toBe(false)
    expect(cat.equals(again)).toBe(true)
  })

  it('should draw a random seed when none is sent', async () => {
    const first = await firstImage(textBody('a cat', { size: '1328*1328' }))
    const second = await firstImage(textBody('a cat', { size: '1328*1328' }))
    expect(first.equals(second)).toBe(false)
  })

  it('should put n edit images in one content list, without task_metric', async () => {
    const { body } = await generate(
      editBody([pngDataUri(512, 512)], 'on marble', { n: 3, size: '1024*768' })
    )
    expect(body.output.choices).toHaveLength(1)
    expect(imageUrls(body)).toHaveLength(3)
    expect(body.output.task_metric).toBeUndefined()
    expect(body.usage).toEqual({ height: 768, image_count: 3, width: 1024 })
    const pictures = await Promise.all(
      imageUrls(body).map(async (url) => (await download(url)).bytes)
    )
    expect(new Set(pictures.map((p) => p.toString('base64'))).size).toBe(3)
    expect((await counters(sim)).billable_images).toEqual({
      total: 3,
      by_model: { 'qwen-image-edit-max': 3 },
    })
  })

  it('should serve 64×64 images in tiny mode while usage keeps the output size', async () => {
    await control(sim, 'POST', 'config', { image_mode: 'tiny' })
    try {
      const { body } = await generate(textBody('a cat', { size: '1664*928' }))
      expect(body.usage).toMatchObject({ width: 1664, height: 928 })
      expect(inspectPng((await download(imageUrls(body)[0])).bytes)).toMatchObject({
        width: 64,
        height: 64,
        crcOk: true,
      })
    } finally {
      await control(sim, 'POST', 'config', { image_mode: 'full' })
    }
  })

  it('should point result URLs at public_base when set', async () => {
    await control(sim, 'POST', 'config', { public_base: 'http://localhost:9999/' })
    try {
      const { body } = await generate(textBody('a cat'))
      expect(imageUrls(body)[0]).toMatch(/^http:\/\/localhost:9999\/results\//)
    } finally {
      await control(sim, 'POST', 'config', { public_base: null })
    }
  })
})
