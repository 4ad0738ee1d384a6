import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '../data/db.ts'
import { SHARED_STUDIO_PATH } from './share-paths.ts'
import { receiveShare } from './share-target.ts'

const share = (form: FormData) =>
  new Request('https://addreams.test/share-target', { method: 'POST', body: form })

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
})
