import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from './db.ts'
import { freshWorld } from './testing/setup.ts'
import { thumbnailUrls } from './thumbnail-urls.ts'

let created: number
let revoked: string[]

beforeEach(async () => {
  await freshWorld()
  created = 0
  revoked = []
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:thumb-${++created}`)
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => {
    revoked.push(url)
  })
})

afterEach(() => {
  vi.restoreAllMocks()
})

const thumbnailUrl = async (id: string) => (await thumbnailUrls([id])).get(id)

describe('thumbnailUrls', () => {
  it('should reuse one object URL per thumbnail and revoke it when the thumbnail changes or goes', async () => {
    const put = (width: number) =>
      db.thumbnails.put({ id: 'g', blob: new Blob(['x']), width, height: 10, source: 'reference' })
    await put(10)
    const first = await thumbnailUrl('g')
    expect(await thumbnailUrl('g')).toBe(first)
    expect(created).toBe(1)

    await put(20)
    const second = await thumbnailUrl('g')
    expect(second).not.toBe(first)
    expect(revoked).toEqual([first])

    await db.thumbnails.delete('g')
    expect(await thumbnailUrl('g')).toBeUndefined()
    expect(revoked).toEqual([first, second])
  })
  it('should answer the cards that have a thumbnail, in one read', async () => {
    await db.thumbnails.bulkPut([
      { id: 'a', blob: new Blob(['a']), width: 10, height: 10, source: 'image' },
      { id: 'c', blob: new Blob(['c']), width: 10, height: 10, source: 'reference' },
    ])
    const bulkGet = vi.spyOn(db.thumbnails, 'bulkGet')
    const found = await thumbnailUrls(['a', 'b', 'c'])
    expect([...found.keys()]).toEqual(['a', 'c'])
    expect(bulkGet).toHaveBeenCalledTimes(1)
    expect(created).toBe(2)
  })
})
