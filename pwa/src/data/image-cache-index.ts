/** What the index knows of one cached image. */
export interface ImageIndexEntry {
  readonly bytes: number
  /** Epoch ms of the last time the image was cached or shown. */
  readonly viewedAt: number
}

/** Cached image URL → its entry. */
export type ImageIndex = Record<string, ImageIndexEntry>

/**
 * Kept in the image cache itself, so deleting the cache (Settings, sign-out, a quota purge) drops
 * the index with the images and the two never disagree. Not under /api, so no route serves it.
 */
const INDEX_PATH = '/__image-cache-index'

/** The absolute URL the index is stored under. */
export const imageIndexUrl = (): string => new URL(INDEX_PATH, self.location.origin).href

/** The stored index; undefined when none was written (a new cache, or one from an older worker). */
export const readImageIndex = async (cache: Cache): Promise<ImageIndex | undefined> => {
  const stored = await cache.match(imageIndexUrl())
  return stored ? ((await stored.json()) as ImageIndex) : undefined
}

export const writeImageIndex = async (cache: Cache, index: ImageIndex): Promise<void> => {
  await cache.put(
    imageIndexUrl(),
    new Response(JSON.stringify(index), { headers: { 'content-type': 'application/json' } })
  )
}
