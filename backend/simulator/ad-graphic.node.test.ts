import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Simulator } from './server.ts'
import { decodePng, findPixels, lumaOf, meanOf, type Pixels, part } from './test-pixels.ts'
import {
  callSync,
  control,
  download,
  imageUrls,
  json,
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

const poster = async (prompt: string, seed: number, size = '1328*1328'): Promise<Pixels> => {
  const response = await callSync(sim, textBody(prompt, { seed, size }))
  expect(response.status).toBe(200)
  const [url] = imageUrls(await json<SyncResponse>(response))
  return decodePng((await download(url as string)).bytes)
}

// Each test renders and decodes several full-size pictures: room for a busy 2-core machine.
describe('ad graphic results (text-to-image models)', { timeout: 30_000 }, () => {
  it.each([
    ['A bold poster in bright red', (p: Pixels) => meanOf(p)[0] > meanOf(p)[2] + 40],
    ['A calm poster in deep blue', (p: Pixels) => meanOf(p)[2] > meanOf(p)[0] + 40],
    ['A neon party flyer at night', (p: Pixels) => lumaOf(meanOf(p)) < 90],
  ])(
    'should take the palette of “%s” from its words, whatever the seed',
    async (prompt, looksRight) => {
      for (const seed of [1, 2, 3]) expect(looksRight(await poster(prompt, seed))).toBe(true)
    }
  )

  it('should mark the poster "SIMULATED" in its bottom-right corner', async () => {
    const result = await poster('A summer sale ad for lemon soda', 4, '1664*928')
    const corner = part(result, 0.75, 0.93, 1, 1)
    expect(findPixels(result, (c) => lumaOf(c) > 235, corner).count).toBeGreaterThan(100)
    expect(findPixels(result, (c) => lumaOf(c) < 70, corner).count).toBeGreaterThan(100)
  })
})
