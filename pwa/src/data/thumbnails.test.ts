import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from './db.ts'
import { freshWorld } from './testing/setup.ts'
import { thumbnailUrl } from './thumbnails.ts'

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

describe('thumbnailUrl', () => {
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
})
