import { db, type Thumbnail } from './db.ts'

// The object URLs History's cards draw, apart from the code that makes thumbnails (thumbnails.ts):
// the first cards need only these and Dexie, not the API client or the image work.

/** Object URLs kept alive for cards on screen; older ones are revoked. */
const URL_CACHE_SIZE = 400

const urls = new Map<string, { key: string; url: string }>()

/** Revokes the kept URL of card `id`, if any (its thumbnail changed). */
export const forgetThumbnailUrl = (id: string): void => {
  const cached = urls.get(id)
  if (!cached) return
  URL.revokeObjectURL(cached.url)
  urls.delete(id)
}

/** The kept object URL for `thumbnail` of card `id`, made anew when the thumbnail changed. */
const urlOf = (id: string, thumbnail: Thumbnail | undefined): string | undefined => {
  if (!thumbnail) {
    forgetThumbnailUrl(id)
    return undefined
  }
  const key = `${thumbnail.source}:${thumbnail.blob.size}:${thumbnail.width}x${thumbnail.height}`
  const cached = urls.get(id)
  if (cached?.key === key) {
    urls.delete(id)
    urls.set(id, cached)
    return cached.url
  }
  forgetThumbnailUrl(id)
  const url = URL.createObjectURL(thumbnail.blob)
  urls.set(id, { key, url })
  for (const [oldest] of urls) {
    if (urls.size <= URL_CACHE_SIZE) break
    forgetThumbnailUrl(oldest)
  }
  return url
}

/**
 * Object URLs of the thumbnails of cards `ids` (those that have one), read in one request. Call it
 * again when thumbnails change: each URL is kept per id and revoked when its thumbnail changes or
 * falls out of the cache, so nothing leaks.
 */
export const thumbnailUrls = async (ids: readonly string[]): Promise<Map<string, string>> => {
  const thumbnails = await db.thumbnails.bulkGet([...ids])
  const found = new Map<string, string>()
  ids.forEach((id, index) => {
    const url = urlOf(id, thumbnails[index])
    if (url) found.set(id, url)
  })
  return found
}

/** Revokes every thumbnail URL (after a wipe). */
export const forgetThumbnailUrls = (): void => {
  for (const id of [...urls.keys()]) forgetThumbnailUrl(id)
}
