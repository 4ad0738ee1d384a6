import type { Generation } from '@app/shared-types'
import { ApiClientError } from './api.ts'
import { db } from './db.ts'
import { isImageCached } from './image-cache.ts'
import { fetchImageBlob } from './images.ts'

/** What "Export my history" put into the ZIP, and what it had to leave out. */
export interface HistoryExport {
  readonly zip: Blob
  readonly generations: number
  readonly images: number
  /** Images neither cached nor reachable (offline): listed in the JSON, not in the ZIP. */
  readonly missingImages: number
}

const folderOf = (generation: Generation): string =>
  `addreams-history/${generation.createdAt.slice(0, 10)}-${generation.id}`

const extensionOf = (contentType: string): string => (contentType === 'image/jpeg' ? 'jpg' : 'png')

/** The image's bytes, or undefined when it is not cached and the network is out of reach. */
const imageBytes = async (url: string, online: boolean): Promise<Uint8Array | undefined> => {
  if (!online && !(await isImageCached(url))) return undefined
  try {
    return new Uint8Array(await (await fetchImageBlob(url)).arrayBuffer())
  } catch (error) {
    if (error instanceof ApiClientError && error.code !== 'NETWORK') throw error
    return undefined
  }
}

/**
 * Builds one ZIP of every synced generation: its details as `generation.json` and its output
 * images, fetched when online and read from the image cache offline. fflate loads only now, so
 * it stays out of the initial bundle.
 */
export const exportHistory = async (
  onProgress?: (done: number, total: number) => void
): Promise<HistoryExport> => {
  const { zipSync, strToU8 } = await import('fflate')
  const generations = await db.generations.orderBy('createdAt').reverse().toArray()
  const online = navigator.onLine
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {}
  let images = 0
  let missingImages = 0
  for (const [done, generation] of generations.entries()) {
    const folder = folderOf(generation)
    files[`${folder}/generation.json`] = strToU8(JSON.stringify(generation, null, 2))
    for (const image of generation.images) {
      const bytes = await imageBytes(image.url, online)
      if (!bytes) {
        missingImages++
        continue
      }
      // PNG and JPEG are compressed already; deflating them again only costs time.
      files[`${folder}/image-${image.index + 1}.${extensionOf(image.contentType)}`] = [
        bytes,
        { level: 0 },
      ]
      images++
    }
    onProgress?.(done + 1, generations.length)
  }
  const zipped = zipSync(files)
  return {
    zip: new Blob([zipped], { type: 'application/zip' }),
    generations: generations.length,
    images,
    missingImages,
  }
}

/** The file name of an export made at `date`, e.g. `addreams-history-2026-11-22.zip`. */
export const exportFilename = (date = new Date()): string =>
  `addreams-history-${date.toISOString().slice(0, 10)}.zip`
