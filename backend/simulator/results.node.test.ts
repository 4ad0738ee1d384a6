import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Simulator } from './server.ts'
import {
  advance,
  callSync,
  counters,
  download,
  imageUrls,
  json,
  resetManual,
  type SyncResponse,
  startTestSimulator,
  textBody,
} from './test-support.ts'

const DAY_MS = 24 * 60 * 60 * 1000

let sim: Simulator
let url: URL

beforeAll(async () => {
  sim = await startTestSimulator({ image_mode: 'tiny' })
})
afterAll(() => sim.close())
beforeEach(async () => {
  await resetManual(sim)
  url = new URL(imageUrls(await json<SyncResponse>(await callSync(sim, textBody('a cat'))))[0])
})

const withParam = (name: string, value: string) => {
  const changed = new URL(url)
  changed.searchParams.set(name, value)
  return changed.href
}

describe('GET /results/… (docs/dashscope.md §12.7)', () => {
  it('should serve the image without auth while the URL is valid', async () => {
    const { response } = await download(url.href)
    expect(response.status).toBe(200)
    expect(response.headers.get('x-request-id')).toEqual(expect.any(String))
  })

  it.each([
    ['a forged signature', () => withParam('Signature', 'forged')],
    [
      'a moved expiry',
      () => withParam('Expires', String(Number(url.searchParams.get('Expires')) + 3_600)),
    ],
    ['another access key id', () => withParam('OSSAccessKeyId', 'LTAI')],
    ['no signature', () => url.href.replace(/&Signature=[^&]+/, '')],
  ])('should answer 403 to %s', async (_, forge) => {
    expect((await download(forge())).response.status).toBe(403)
  })

  it('should answer 404 to an unknown path', async () => {
    const unknown = url.href.replace(/-0\.png/, '-9.png')
    expect((await download(unknown)).response.status).toBe(404)
  })

  it('should expire 24 h after creation on the simulator clock', async () => {
    const expires = Number(url.searchParams.get('Expires')) * 1000
    const now = (await advance(sim, 0)).now_ms as number
    expect(expires - now).toBeGreaterThan(DAY_MS - 1_000)
    expect(expires - now).toBeLessThanOrEqual(DAY_MS)
    await advance(sim, DAY_MS - 1_000)
    expect((await download(url.href)).response.status).toBe(200)
    await advance(sim, 1_000)
    expect((await download(url.href)).response.status).toBe(403)
  })

  it('should count downloads by status', async () => {
    await download(url.href)
    await download(withParam('Signature', 'forged'))
    const seen = await counters(sim)
    expect(seen.calls.result_get).toBe(2)
    expect(seen.responses_by_status).toEqual({ '200': 2, '403': 1 })
  })
})
