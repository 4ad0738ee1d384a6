import { apiBlob } from './api.ts'

/** Where the owner reads output image `index` of a generation (the service worker caches it). */
export const generationImageUrl = (generationId: string, index: number): string =>
  `/api/generations/${generationId}/images/${index}`

/** Where the owner reads reference photo `index` of a generation. */
export const referenceImageUrl = (generationId: string, index: number): string =>
  `/api/generations/${generationId}/references/${index}`

/** The bytes of one of the user's images: from the cache offline, from the server otherwise. */
export const fetchImageBlob = (url: string): Promise<Blob> => apiBlob(url)

/** Hands `blob` to the browser as a file download named `filename`. */
export const saveBlob = (blob: Blob, filename: string): void => {
  const href = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = href
  link.download = filename
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoking at once can cancel the download in some browsers; a minute is plenty to start it.
  setTimeout(() => URL.revokeObjectURL(href), 60_000)
}

/** The file name of a downloaded image, e.g. `addreams-1a2b3c4d-1.png`. */
export const imageFilename = (generationId: string, index: number, contentType: string): string =>
  `addreams-${generationId.slice(0, 8)}-${index + 1}.${contentType === 'image/jpeg' ? 'jpg' : 'png'}`

/** Downloads one image (PNG as stored) under a readable file name. */
export const downloadImage = async (
  generationId: string,
  index: number,
  contentType = 'image/png'
): Promise<void> => {
  const blob = await fetchImageBlob(generationImageUrl(generationId, index))
  saveBlob(blob, imageFilename(generationId, index, blob.type || contentType))
}

/** Whether this browser can share image files with the Web Share API. */
export const canShareImages = (): boolean => {
  if (typeof navigator.canShare !== 'function' || typeof File === 'undefined') return false
  const probe = new File([new Uint8Array(0)], 'probe.png', { type: 'image/png' })
  return navigator.canShare({ files: [probe] })
}

/** What `shareImage` did: `shared`, or `dismissed` when the user closed the share sheet. */
export type ShareOutcome = 'shared' | 'dismissed' | 'unsupported'

/** Opens the system share sheet with the image as a file, where the browser allows it. */
export const shareImage = async (
  generationId: string,
  index: number,
  title: string
): Promise<ShareOutcome> => {
  const blob = await fetchImageBlob(generationImageUrl(generationId, index))
  const file = new File([blob], imageFilename(generationId, index, blob.type || 'image/png'), {
    type: blob.type || 'image/png',
  })
  if (typeof navigator.canShare !== 'function' || !navigator.canShare({ files: [file] })) {
    return 'unsupported'
  }
  try {
    await navigator.share({ files: [file], title })
    return 'shared'
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return 'dismissed'
    throw error
  }
}
