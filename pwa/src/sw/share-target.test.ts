import { LIMITS, MODELS } from '@app/shared-types'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '../data/db.ts'
import { SHARED_STUDIO_PATH } from './share-paths.ts'
import { receiveShare } from './share-target.ts'

const share = (form: FormData) =>
  new Request('https://addreams.test/share-target', { method: 'POST', body: form })

const photo = (name: string, bytes = 3) =>
  new File([new Uint8Array(bytes)], name, { type: 'image/jpeg' })

const storedNames = async () =>
  ((await db.meta.get('sharedPhotos'))?.value as File[] | undefined)?.map((file) => file.name)

/** The most photos a studio takes: the largest reference count of any model. */
const MOST_PHOTOS = Math.max(...Object.values(MODELS).map((model) => model.references.max))

beforeEach(async () => {
  await db.meta.clear()
})

describe('receiveShare', () => {
  it('should keep the shared image files and answer 303 to the studio', async () => {
    const form = new FormData()
    form.append('photos', new File([new Uint8Array([1, 2, 3])], 'mug.jpg', { type: 'image/jpeg' }))
    const res = await receiveShare(share(form))
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(SHARED_STUDIO_PATH)
    const stored = (await db.meta.get('sharedPhotos'))?.value as File[]
    expect(stored.map((file) => file.name)).toEqual(['mug.jpg'])
  })
  it('should still open the studio when nothing usable was shared', async () => {
    const form = new FormData()
    form.append('text', 'hello')
    const res = await receiveShare(share(form))
    expect(res.status).toBe(303)
    expect(await db.meta.get('sharedPhotos')).toBeUndefined()
  })

  /** @see the security issue: any page may POST to the share target, as often and as much as it likes. */
  it('should keep no more photos than a studio takes, the first ones shared', async () => {
    const form = new FormData()
    const names = Array.from({ length: MOST_PHOTOS + 7 }, (_, i) => `photo-${i + 1}.jpg`)
    for (const name of names) form.append('photos', photo(name))
    const res = await receiveShare(share(form))
    expect(res.status).toBe(303)
    expect(await storedNames()).toEqual(names.slice(0, MOST_PHOTOS))
  })

  it('should ignore a photo over the size limit and keep the others', async () => {
    const form = new FormData()
    form.append('photos', photo('huge.jpg', LIMITS.referenceMaxBytes + 1))
    form.append('photos', photo('fits.jpg', LIMITS.referenceMaxBytes))
    form.append('photos', photo('empty.jpg', 0))
    form.append('photos', photo('small.jpg'))
    const res = await receiveShare(share(form))
    expect(res.status).toBe(303)
    expect(await storedNames()).toEqual(['fits.jpg', 'small.jpg'])
  })
})
