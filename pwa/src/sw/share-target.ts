import { LIMITS, MODELS } from '@app/shared-types'
import { db } from '../data/db.ts'
import { SHARED_STUDIO_PATH } from './share-paths.ts'

/** The most photos a studio takes: the largest reference count of any model. */
const MOST_PHOTOS = Math.max(...Object.values(MODELS).map((model) => model.references.max))

/**
 * Keeps the image files of a share (form field `photos`) in Dexie for the studio, then sends the
 * browser on with 303 so a reload never posts again. The POST never reaches the network.
 *
 * Any page can post here, so what is kept is capped as the studio caps a pick: files over the
 * size the server takes are ignored, then all but the first `MOST_PHOTOS`.
 */
export const receiveShare = async (request: Request): Promise<Response> => {
  try {
    const form = await request.formData()
    const photos = form
      .getAll('photos')
      .filter(
        (value): value is File =>
          value instanceof File && value.size > 0 && value.size <= LIMITS.referenceMaxBytes
      )
      .slice(0, MOST_PHOTOS)
    if (photos.length > 0) await db.meta.put({ key: 'sharedPhotos', value: photos })
  } catch (error) {
    // A malformed share still opens the studio; there is just nothing to add.
    console.error(error)
  }
  return new Response(null, { status: 303, headers: { location: SHARED_STUDIO_PATH } })
}
