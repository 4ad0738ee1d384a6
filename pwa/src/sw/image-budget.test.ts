import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IMAGE_CACHE, imageCacheStats } from '../data/image-cache.ts'
import { FakeCaches } from '../data/testing/fake-caches.ts'
import { createImageBudget } from './image-budget.ts'

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e'
const url = (n: number) => `${location.origin}/api/generations/${ID}/images/${n}`
const png = (bytes: number) =>
  new Response(new Blob([new Uint8Array(bytes)], { type: 'image/png' }), { status: 200 })

let fakeCaches: FakeCaches
let now: number
let budget: number

beforeEach(() => {
  fakeCaches = new FakeCaches()
  vi.stubGlobal('caches', fakeCaches)
  now = 1
  budget = 1_000
})

afterEach(() => {
  vi.unstubAllGlobals()
})

const imageBudget = () =>
  createImageBudget({ cacheName: IMAGE_CACHE, budget: async () => budget, now: () => now })

/** What Workbox's CacheFirst does on a miss: store the response, then tell the plugins. */
const cacheImage = async (
  budgetPlugin: ReturnType<typeof imageBudget>,
  n: number,
  bytes: number
) => {
  const cache = await caches.open(IMAGE_CACHE)
  const request = new Request(url(n))
  await cache.put(request, png(bytes))
  await budgetPlugin.plugin.cacheDidUpdate?.({
    cacheName: IMAGE_CACHE,
    request,
    newResponse: png(bytes),
    state: {},
  } as never)
}

/** What CacheFirst does on a hit. */
const viewImage = async (budgetPlugin: ReturnType<typeof imageBudget>, n: number) => {
  const request = new Request(url(n))
  const cachedResponse = await (await caches.open(IMAGE_CACHE)).match(request)
  await budgetPlugin.plugin.cachedResponseWillBeUsed?.({
    cacheName: IMAGE_CACHE,
    request,
    cachedResponse,
    state: {},
  } as never)
  await budgetPlugin.settled()
}

const cachedUrls = async () =>
  (await (await caches.open(IMAGE_CACHE)).keys())
    .map((r) => r.url)
    .filter((u) => u.includes('/api/'))
    .sort()

describe('image cache budget', () => {
  it('should give Settings the count and bytes without reading any image', async () => {
    const budgetPlugin = imageBudget()
    await cacheImage(budgetPlugin, 0, 120)
    await cacheImage(budgetPlugin, 1, 80)
    await budgetPlugin.settled()
    const cache = fakeCaches.named.get(IMAGE_CACHE)
    const readsBefore = cache?.bodyReads
    expect(await imageCacheStats()).toEqual({ count: 2, bytes: 200 })
    expect(cache?.bodyReads).toBe(readsBefore)
  })

  it('should evict the least recently viewed images once the bytes pass the budget', async () => {
    budget = 250
    const budgetPlugin = imageBudget()
    for (const n of [1, 2, 3]) {
      now = n
      await cacheImage(budgetPlugin, n, 100)
    }
    await budgetPlugin.settled()
    expect(await imageCacheStats()).toEqual({ count: 2, bytes: 200 })
    expect(await cachedUrls()).toEqual([url(2), url(3)])
    now = 4
    await viewImage(budgetPlugin, 2)
    now = 5
    await cacheImage(budgetPlugin, 4, 100)
    await budgetPlugin.settled()
    expect(await cachedUrls()).toEqual([url(2), url(4)])
    expect(await imageCacheStats()).toEqual({ count: 2, bytes: 200 })
  })

  it('should keep an image larger than the whole budget until the next one comes', async () => {
    budget = 50
    const budgetPlugin = imageBudget()
    await cacheImage(budgetPlugin, 1, 100)
    await budgetPlugin.settled()
    expect(await cachedUrls()).toEqual([url(1)])
  })

  it('should size images cached before the index once, and forget ones no longer there', async () => {
    const cache = await caches.open(IMAGE_CACHE)
    await cache.put(url(7), png(300))
    await cache.put(url(8), png(30))
    await imageBudget().reconcile()
    expect(await imageCacheStats()).toEqual({ count: 2, bytes: 330 })
    await cache.delete(url(8))
    await imageBudget().reconcile()
    expect(await imageCacheStats()).toEqual({ count: 1, bytes: 300 })
  })

  it('should count nothing after the cache is cleared', async () => {
    const budgetPlugin = imageBudget()
    await cacheImage(budgetPlugin, 1, 100)
    await budgetPlugin.settled()
    await caches.delete(IMAGE_CACHE)
    expect(await imageCacheStats()).toEqual({ count: 0, bytes: 0 })
  })
})
