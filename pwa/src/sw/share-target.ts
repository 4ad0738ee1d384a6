import { db } from '../data/db.ts'
import { SHARED_STUDIO_PATH } from './share-paths.ts'

/**
 * Keeps the image files of a share (form field `photos`) in Dexie for the studio, then sends the
 * browser on with 303 so a reload never posts again. The POST never reaches the network.
 */
export const receiveShare = async (request: Request): Promise<Response> => {
  try {
    const form = await request.formData()
    const photos = form
      .getAll('photos')
      .filter((value): value is File => value instanceof File && value.size > 0)
    if (photos.length > 0) await db.meta.put({ key: 'sharedPhotos', value: photos })
  } catch (error) {
    // A malformed share still opens the studio; there is just nothing to add.
    console.error(error)
  }
  return new Response(null, { status: 303, headers: { location: SHARED_STUDIO_PATH } })
}
