import { readImageIndex } from './image-cache-index.ts'

/**
 * The Cache Storage cache the service worker keeps image bytes in (least recently viewed first
 * out). Shared by name so sign-out can delete it from the page.
 */
export const IMAGE_CACHE = 'addreams-images'

/** Output and reference image URLs: immutable per generation, so safe to serve cache-first. */
export const IMAGE_PATH = /^\/api\/generations\/[0-9a-f-]{36}\/(images|references)\/\d+$/i

const MB = 1_000_000

/**
 * The most full-size images may take, whatever the quota: about a hundred results at 1–2 MB each,
 * more than a session of browsing; thumbnails keep the whole history visible offline anyway.
 */
export const IMAGE_CACHE_MAX_BYTES = 200 * MB

/**
 * The share of the origin's quota images may take. The rest stays for what cannot be fetched
 * again: the outbox's photos (up to 30 MB a request), thumbnails and drafts. Safari's first quota
 * is about 1 GB, so there this is the limit.
 */
const QUOTA_SHARE = 0.1

/** Where the browser cannot tell its quota: small enough for any device. */
const UNKNOWN_QUOTA_BUDGET = 50 * MB

/** How many bytes of images the cache keeps, given the origin's quota (if known). */
export const imageCacheBudget = (quota: number | undefined): number =>
  quota === undefined
    ? UNKNOWN_QUOTA_BUDGET
    : Math.min(IMAGE_CACHE_MAX_BYTES, Math.floor(quota * QUOTA_SHARE))

/** Deletes every cached image; a no-op where Cache Storage is missing. */
export const deleteImageCache = async (): Promise<void> => {
  if (typeof caches === 'undefined') return
  await caches.delete(IMAGE_CACHE)
}

/**
 * How many images are cached and their total size in bytes (for Settings), from the index the
 * service worker keeps: sizing every image here would load every cached byte each time.
 */
export const imageCacheStats = async (): Promise<{ count: number; bytes: number }> => {
  if (typeof caches === 'undefined' || !(await caches.has(IMAGE_CACHE))) {
    return { count: 0, bytes: 0 }
  }
  const entries = Object.values((await readImageIndex(await caches.open(IMAGE_CACHE))) ?? {})
  return { count: entries.length, bytes: entries.reduce((sum, entry) => sum + entry.bytes, 0) }
}

/** Whether `path` (same origin) is in the image cache, so it can be shown offline. */
export const isImageCached = async (path: string): Promise<boolean> => {
  if (typeof caches === 'undefined' || !(await caches.has(IMAGE_CACHE))) return false
  const cache = await caches.open(IMAGE_CACHE)
  return (await cache.match(path)) !== undefined
}
