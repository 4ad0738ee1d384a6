import { Dexie } from 'dexie'
import { ApiClientError, apiBlob } from './api.ts'
import { db, type Thumbnail } from './db.ts'
import { forgetThumbnailUrl } from './thumbnail-urls.ts'

/** Longest side of a card thumbnail, in px. */
const MAX_SIDE = 320
/** Most thumbnails fetched after one pull; the next pull takes the rest. */
const BATCH = 24
/** Images fetched at once, so thumbnails never crowd out the user's own requests. */
const PARALLEL = 2

/** Whether this browser can scale images off the main thread (happy-dom and old Safari cannot). */
export const canMakeThumbnails = (): boolean =>
  typeof createImageBitmap === 'function' && typeof OffscreenCanvas === 'function'

/** A ≤ 320 px WebP (JPEG where WebP encoding is missing) of `source`, or undefined. */
export const makeThumbnail = async (
  source: Blob
): Promise<Omit<Thumbnail, 'id' | 'source'> | undefined> => {
  if (!canMakeThumbnails()) return undefined
  const bitmap = await createImageBitmap(source)
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height))
    const width = Math.max(1, Math.round(bitmap.width * scale))
    const height = Math.max(1, Math.round(bitmap.height * scale))
    const canvas = new OffscreenCanvas(width, height)
    const context = canvas.getContext('2d')
    if (!context) return undefined
    context.drawImage(bitmap, 0, 0, width, height)
    let blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.8 })
    // Browsers without a WebP encoder answer PNG, which is far larger than a JPEG.
    if (blob.type !== 'image/webp') {
      blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 })
    }
    return { blob, width, height }
  } finally {
    bitmap.close()
  }
}

/** Makes and stores the thumbnail of card `id`; quietly does nothing where it cannot. */
export const storeThumbnail = async (
  id: string,
  source: Blob,
  kind: NonNullable<Thumbnail['source']>
): Promise<void> => {
  const made = await makeThumbnail(source)
  if (!made) return
  await db.thumbnails.put({ id, ...made, source: kind })
  forgetThumbnailUrl(id)
}

/** Succeeded generations, newest first, that have no thumbnail of their own image yet. */
const missingThumbnails = async (): Promise<string[]> => {
  const succeeded = (await db.generations
    .where('[status+createdAt]')
    .between(['succeeded', Dexie.minKey], ['succeeded', Dexie.maxKey])
    .reverse()
    .primaryKeys()) as string[]
  const have = new Set((await db.thumbnails.toCollection().primaryKeys()) as string[])
  return succeeded.filter((id) => !have.has(id)).slice(0, BATCH)
}

const fetchThumbnail = async (id: string): Promise<void> => {
  const url = (await db.generations.get(id))?.images[0]?.url
  if (!url) return
  // Through the network as the page would load it, so the service worker caches the full image.
  const blob = await apiBlob(url)
  if (await db.generations.get(id)) await storeThumbnail(id, blob, 'image')
}

let filling: Promise<number> | undefined

/**
 * Fetches image 0 of succeeded generations without a thumbnail, two at a time, and stores a
 * thumbnail of each. Stops at the first network failure. Returns how many it made.
 */
export const fillMissingThumbnails = (): Promise<number> => {
  if (!canMakeThumbnails()) return Promise.resolve(0)
  filling ??= (async () => {
    const queue = await missingThumbnails()
    let made = 0
    let offline = false
    const worker = async () => {
      for (let id = queue.shift(); id && !offline; id = queue.shift()) {
        try {
          await fetchThumbnail(id)
          made++
        } catch (error) {
          if (error instanceof ApiClientError && error.code === 'NETWORK') offline = true
        }
      }
    }
    await Promise.all(Array.from({ length: PARALLEL }, worker))
    return made
  })().finally(() => {
    filling = undefined
  })
  return filling
}
