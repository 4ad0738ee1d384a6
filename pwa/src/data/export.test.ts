import { unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from './db.ts'
import { exportFilename, exportHistory } from './export.ts'
import { makeGeneration } from './testing/fake-api.ts'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])

const withImage = (id: string, createdAt: string) =>
  makeGeneration({
    id,
    status: 'succeeded',
    createdAt,
    images: [
      {
        index: 0,
        url: `/api/generations/${id}/images/0`,
        contentType: 'image/png',
        width: 1328,
        height: 1328,
        bytes: PNG.length,
      },
    ],
  })

const A = '11111111-1111-4111-8111-111111111111'
const B = '22222222-2222-4222-8222-222222222222'

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
  await db.generations.bulkPut([
    withImage(A, '2026-11-20T10:00:00.000Z'),
    withImage(B, '2026-11-21T10:00:00.000Z'),
  ])
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('exportHistory', () => {
  it('should put every generation’s JSON and image into one ZIP', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(PNG, { headers: { 'content-type': 'image/png' } }))
    )
    const progress: number[] = []
    const result = await exportHistory((done) => progress.push(done))
    expect(result).toMatchObject({ generations: 2, images: 2, missingImages: 0 })
    expect(progress).toEqual([1, 2])
    const entries = unzipSync(new Uint8Array(await result.zip.arrayBuffer()))
    expect(Object.keys(entries).sort()).toEqual([
      `addreams-history/2026-11-20-${A}/generation.json`,
      `addreams-history/2026-11-20-${A}/image-1.png`,
      `addreams-history/2026-11-21-${B}/generation.json`,
      `addreams-history/2026-11-21-${B}/image-1.png`,
    ])
    const json = JSON.parse(
      new TextDecoder().decode(entries[`addreams-history/2026-11-20-${A}/generation.json`])
    )
    expect(json).toMatchObject({ id: A, status: 'succeeded' })
    expect(entries[`addreams-history/2026-11-21-${B}/image-1.png`]).toEqual(PNG)
  })

  it('should leave out images it cannot reach offline and count them', async () => {
    const fetch = vi.fn(async () => new Response(PNG))
    vi.stubGlobal('fetch', fetch)
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const result = await exportHistory()
    expect(result).toMatchObject({ generations: 2, images: 0, missingImages: 2 })
    expect(fetch).not.toHaveBeenCalled()
    const names = Object.keys(unzipSync(new Uint8Array(await result.zip.arrayBuffer())))
    expect(names.every((name) => name.endsWith('generation.json'))).toBe(true)
  })

  it('should name the file after the day', () => {
    expect(exportFilename(new Date('2026-11-22T08:00:00Z'))).toBe('addreams-history-2026-11-22.zip')
  })
})
