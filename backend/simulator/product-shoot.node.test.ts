import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Simulator } from './server.ts'
import {
  BODY,
  type Box,
  channelGap,
  decodePng,
  findPixels,
  inset,
  jpegDataUriOf,
  lumaOf,
  meanDifference,
  meanOf,
  type PhotoColors,
  type Pixels,
  part,
  pngDataUriOf,
  productPhoto,
  type Rgb,
} from './test-pixels.ts'
import {
  callSync,
  control,
  download,
  editBody,
  imageUrls,
  json,
  type SyncResponse,
  startTestSimulator,
} from './test-support.ts'

let sim: Simulator

beforeAll(async () => {
  sim = await startTestSimulator()
})
afterAll(() => sim.close())
beforeEach(() => control(sim, 'POST', 'reset'))

// The Product Shoot presets' base texts (docs/product.md §5.2).
const HERO =
  'Professional product hero shot, centered composition, studio quality, sharp focus, commercial photography'
const LIFESTYLE =
  'Lifestyle product photography, natural authentic setting, real-world context, editorial feel'
const SOCIAL =
  'Eye-catching social media product image, vibrant colors, engaging composition, scroll-stopping visual'

const GREEN_BOTTLE: PhotoColors = {
  background: [70, 110, 200],
  body: [40, 150, 70],
  label: [235, 200, 60],
  cap: [40, 40, 40],
}
const MAGENTA_JAR: PhotoColors = { ...GREEN_BOTTLE, body: [190, 50, 150] }

const shoot = async (images: string[], prompt: string, parameters: Record<string, unknown>) => {
  const response = await callSync(sim, editBody(images, prompt, parameters))
  expect(response.status).toBe(200)
  const urls = imageUrls(await json<SyncResponse>(response))
  return Promise.all(urls.map(async (url) => (await download(url)).bytes))
}

const picture = async (images: string[], prompt: string, size = '1024*1024', seed = 7) =>
  decodePng((await shoot(images, prompt, { size, seed }))[0] as Buffer)

const near =
  (target: Rgb, within = 45) =>
  (c: Rgb) =>
    channelGap(c, target) <= within
// Leaves out the bottom-right corner, where the "SIMULATED" mark is.
const scene = (p: Pixels): Box => part(p, 0, 0, 1, 0.9)

const bodyMean = (photo: Pixels): Rgb =>
  meanOf(photo, inset(part(photo, BODY.x0, BODY.y0, BODY.x1, BODY.y1), 0.1))

// Each test renders and decodes several full-size pictures: room for a busy 2-core machine.
describe('product shoot results (edit models)', { timeout: 30_000 }, () => {
  it.each([
    ['PNG', pngDataUriOf],
    ['JPEG', jpegDataUriOf],
  ])('should show the %s photo’s product, cut out of its background', async (_, encode) => {
    const photo = productPhoto(GREEN_BOTTLE)
    const result = await picture([encode(photo)], HERO)
    const { box, count } = findPixels(result, near(GREEN_BOTTLE.body), scene(result))
    expect(count).toBeGreaterThan(result.width * result.height * 0.04)
    // The body keeps its shape (0.4 × 0.62 of a 600 × 800 photo) and its colours.
    expect((box.x1 - box.x0) / (box.y1 - box.y0)).toBeCloseTo(240 / 496, 1)
    expect(channelGap(meanOf(result, inset(box, 0.1)), bodyMean(photo))).toBeLessThan(25)
    // The photo's own backdrop is gone: the scene replaces it.
    const leftover = findPixels(result, near(GREEN_BOTTLE.background, 30), scene(result))
    expect(leftover.count).toBeLessThan(result.width * result.height * 0.002)
  })

  it('should show the other photos too, smaller than the first', async () => {
    const result = await picture(
      [pngDataUriOf(productPhoto(GREEN_BOTTLE)), pngDataUriOf(productPhoto(MAGENTA_JAR))],
      HERO,
      '1664*928'
    )
    const first = findPixels(result, near(GREEN_BOTTLE.body), scene(result))
    const second = findPixels(result, near(MAGENTA_JAR.body), scene(result))
    expect(second.count).toBeGreaterThan(result.width * result.height * 0.01)
    expect(second.count).toBeLessThan(first.count)
  })

  it('should stand in a neutral silhouette of the photo’s shape for a format it cannot decode', async () => {
    const gif = Buffer.concat([
      Buffer.from('GIF89a'),
      Buffer.from([144, 1, 32, 3]),
      Buffer.alloc(7),
    ])
    const result = await picture(
      [`data:image/gif;base64,${gif.toString('base64')}`],
      'on a pastel pink backdrop'
    )
    const neutral = (c: Rgb) =>
      channelGap(c, [c[0], c[0], c[0]]) < 8 && lumaOf(c) > 90 && lumaOf(c) < 200
    const { box, count } = findPixels(result, neutral, scene(result))
    expect(count).toBeGreaterThan(result.width * result.height * 0.04)
    expect((box.x1 - box.x0) / (box.y1 - box.y0)).toBeCloseTo(400 / 800, 1)
  })

  it('should give each preset its own backdrop, whatever the seed', async () => {
    const photo = pngDataUriOf(productPhoto(GREEN_BOTTLE))
    const wallOf = async (prompt: string, seed: number) => {
      const result = await picture([photo], prompt, '1024*1024', seed)
      return meanOf(result, part(result, 0, 0, 0.12, 0.1))
    }
    const walls = await Promise.all(
      [HERO, LIFESTYLE, SOCIAL].map(async (prompt) => [
        await wallOf(prompt, 1),
        await wallOf(prompt, 2),
      ])
    )
    for (const [i, [a, again]] of walls.entries()) {
      expect(channelGap(a as Rgb, again as Rgb)).toBeLessThan(30)
      for (const [b] of walls.slice(i + 1))
        expect(channelGap(a as Rgb, b as Rgb)).toBeGreaterThan(40)
    }
  })

  const wall = (p: Pixels) => meanOf(p, part(p, 0, 0, 0.12, 0.1))
  const floor = (p: Pixels) => meanOf(p, part(p, 0, 0.94, 0.12, 1))
  it.each([
    [
      'Place the product on a clean studio white background with soft shadows',
      (p: Pixels) => lumaOf(wall(p)) > 215,
    ],
    [
      'Place the product on a polished marble surface with subtle reflections',
      (p: Pixels) =>
        lumaOf(floor(p)) > 160 &&
        channelGap(floor(p), [floor(p)[0], floor(p)[0], floor(p)[0]]) < 30,
    ],
    [
      'On a rustic wooden table',
      (p: Pixels) => floor(p)[0] - floor(p)[2] > 40 && lumaOf(floor(p)) < 170,
    ],
    ['At night, city lights behind', (p: Pixels) => lumaOf(wall(p)) < 70],
    [
      'Place the product in an outdoor natural setting with greenery and soft sunlight',
      (p: Pixels) => floor(p)[1] > floor(p)[0] + 15 && floor(p)[1] > floor(p)[2] + 15,
    ],
    [
      'Bathe the scene in warm golden hour sunlight with long soft shadows',
      (p: Pixels) => wall(p)[0] > wall(p)[2] + 40,
    ],
  ])('should stage “%s” as its words say, whatever the seed', async (prompt, looksRight) => {
    const photo = pngDataUriOf(productPhoto(GREEN_BOTTLE))
    for (const seed of [1, 2, 3]) {
      expect(looksRight(await picture([photo], prompt, '1024*1024', seed))).toBe(true)
    }
  })

  it('should make each of n images different, and each the same again for the same request', async () => {
    const photo = pngDataUriOf(productPhoto(GREEN_BOTTLE))
    const parameters = { n: 3, seed: 11, size: '768*768' }
    const first = await shoot([photo], HERO, parameters)
    const again = await shoot([photo], HERO, parameters)
    expect(again.map((bytes) => bytes.toString('base64'))).toEqual(
      first.map((bytes) => bytes.toString('base64'))
    )
    const pictures = first.map(decodePng)
    for (const [i, a] of pictures.entries()) {
      for (const b of pictures.slice(i + 1)) expect(meanDifference(a, b)).toBeGreaterThan(6)
    }
  })

  it('should mark the picture "SIMULATED" in its bottom-right corner', async () => {
    const result = await picture([pngDataUriOf(productPhoto(GREEN_BOTTLE))], HERO)
    const corner = part(result, 0.75, 0.93, 1, 1)
    expect(findPixels(result, (c) => lumaOf(c) > 235, corner).count).toBeGreaterThan(100)
    expect(findPixels(result, (c) => lumaOf(c) < 70, corner).count).toBeGreaterThan(100)
  })
})
