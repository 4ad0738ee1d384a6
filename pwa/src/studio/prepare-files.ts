import { TOO_MANY } from './photo-rules.ts'
import { preparePhoto } from './prepare-photo.ts'

/** What a pick gave: the prepared photos that fit, and every message to show about it. */
export interface PreparedPick {
  readonly photos: Blob[]
  readonly messages: string[]
}

/**
 * Prepares picked files one by one, keeping the first ones that fit in `room`
 * (docs/product.md §5.1); refused photos and extra ones are reported, never silently dropped.
 */
export const prepareFiles = async (
  files: readonly File[],
  room: number,
  max: number
): Promise<PreparedPick> => {
  const photos: Blob[] = []
  const messages: string[] = []
  let overflow = false
  for (const file of files) {
    if (photos.length >= room) {
      overflow = true
      break
    }
    const prepared = await preparePhoto(file)
    if (!prepared.ok) messages.push(prepared.error)
    else {
      photos.push(prepared.blob)
      if (prepared.warning) messages.push(prepared.warning)
    }
  }
  if (overflow) messages.push(TOO_MANY(max))
  return { photos, messages }
}
