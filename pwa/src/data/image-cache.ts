/**
 * The Cache Storage cache the service worker keeps image bytes in (least recently viewed first
 * out). Shared by name so sign-out can delete it from the page.
 */
export const IMAGE_CACHE = 'addreams-images'

/** Output and reference image URLs: immutable per generation, so safe to serve cache-first. */
export const IMAGE_PATH = /^\/api\/generations\/[0-9a-f-]{36}\/(images|references)\/\d+$/i

/** How many images the cache keeps before the least recently viewed go. */
export const IMAGE_CACHE_MAX_ENTRIES = 300

/** Deletes every cached image; a no-op where Cache Storage is missing. */
export const deleteImageCache = async (): Promise<void> => {
  if (typeof caches === 'undefined') return
  await caches.delete(IMAGE_CACHE)
}

/** How many images are cached and their total size in bytes (for Settings). */
export const imageCacheStats = async (): Promise<{ count: number; bytes: number }> => {
  if (typeof caches === 'undefined' || !(await caches.has(IMAGE_CACHE))) {
    return { count: 0, bytes: 0 }
  }
  const cache = await caches.open(IMAGE_CACHE)
  let bytes = 0
  const requests = await cache.keys()
  for (const request of requests) {
    const res = await cache.match(request)
    if (res) bytes += (await res.blob()).size
  }
  return { count: requests.length, bytes }
}

/** Whether `path` (same origin) is in the image cache, so it can be shown offline. */
export const isImageCached = async (path: string): Promise<boolean> => {
  if (typeof caches === 'undefined' || !(await caches.has(IMAGE_CACHE))) return false
  const cache = await caches.open(IMAGE_CACHE)
  return (await cache.match(path)) !== undefined
}
