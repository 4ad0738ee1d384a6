/// <reference lib="webworker" />
import { registerRoute } from 'workbox-routing'
import { db } from '../data/db.ts'

/** Where the manifest's `share_target` posts the shared files. */
export const SHARE_TARGET_PATH = '/share-target'
/** Where the studio picks the shared photos up. */
export const SHARED_STUDIO_PATH = '/studio/product-shoot?shared=1'

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

/** Answers the share target's POST inside the service worker. */
export const registerShareTarget = (): void => {
  registerRoute(
    ({ url, request }) => url.pathname === SHARE_TARGET_PATH && request.method === 'POST',
    ({ request }) => receiveShare(request),
    'POST'
  )
}
