import type { WorkboxPlugin } from 'workbox-core/types.js'
import {
  type ImageIndex,
  imageIndexUrl,
  readImageIndex,
  writeImageIndex,
} from '../data/image-cache-index.ts'

export interface ImageBudgetOptions {
  readonly cacheName: string
  /** Bytes the images may take, asked again at each eviction (the quota can change). */
  readonly budget: () => Promise<number>
  readonly now?: () => number
}

/**
 * Keeps the image cache within a byte budget, least recently viewed out first, and keeps the size
 * index Settings reads. Workbox's ExpirationPlugin counts entries, and a count says nothing of
 * bytes when one image is 100 KB and the next 4 MB.
 */
export const createImageBudget = ({ cacheName, budget, now = Date.now }: ImageBudgetOptions) => {
  // Every change reads the index, changes it and writes it back: one at a time, or two images
  // cached together would each write an index without the other.
  let queue: Promise<void> = Promise.resolve()
  const serially = (job: (cache: Cache, index: ImageIndex) => Promise<void>): Promise<void> => {
    queue = queue.then(async () => {
      const cache = await caches.open(cacheName)
      const index = await reconciled(cache)
      await job(cache, index)
      await writeImageIndex(cache, index)
    })
    const done = queue
    queue = queue.catch(() => undefined)
    return done
  }

  /**
   * The stored index matched to what the cache holds: images an older worker cached are sized
   * once, and entries whose image is gone (the page cleared the cache mid-change) are dropped.
   */
  const reconciled = async (cache: Cache): Promise<ImageIndex> => {
    const index = (await readImageIndex(cache)) ?? {}
    const indexUrl = imageIndexUrl()
    const urls = (await cache.keys()).map((request) => request.url).filter((u) => u !== indexUrl)
    const present = new Set(urls)
    for (const url of Object.keys(index)) if (!present.has(url)) delete index[url]
    for (const url of urls) {
      if (index[url]) continue
      const stored = await cache.match(url)
      if (stored) index[url] = { bytes: (await stored.blob()).size, viewedAt: 0 }
    }
    return index
  }

  const evict = async (cache: Cache, index: ImageIndex, keep: string): Promise<void> => {
    const limit = await budget()
    let total = Object.values(index).reduce((sum, entry) => sum + entry.bytes, 0)
    const oldestFirst = Object.entries(index)
      .filter(([url]) => url !== keep)
      .sort(([, a], [, b]) => a.viewedAt - b.viewedAt)
    for (const [url, entry] of oldestFirst) {
      if (total <= limit) return
      await cache.delete(url)
      delete index[url]
      total -= entry.bytes
    }
  }

  const plugin: WorkboxPlugin = {
    cacheDidUpdate: async ({ request, newResponse }) => {
      const bytes = (await newResponse.blob()).size
      await serially(async (cache, index) => {
        index[request.url] = { bytes, viewedAt: now() }
        await evict(cache, index, request.url)
      })
    },
    cachedResponseWillBeUsed: async ({ request, cachedResponse, event }) => {
      if (!cachedResponse) return cachedResponse
      const viewedAt = now()
      // A touch that fails only makes this image a little likelier to go first.
      const touched = serially(async (_cache, index) => {
        const entry = index[request.url]
        if (entry) index[request.url] = { ...entry, viewedAt }
      }).catch(() => undefined)
      // The image goes out now; the worker stays alive until the index is written.
      event?.waitUntil(touched)
      return cachedResponse
    },
  }

  return {
    plugin,
    /** Brings the index up to date with the cache (run when a new worker takes over). */
    reconcile: async (): Promise<void> => {
      if (await caches.has(cacheName)) await serially(async () => undefined)
    },
    /** Resolves once every change asked for so far is written. */
    settled: () => queue,
  }
}
