import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from './db.ts'
import {
  discardDraft,
  fetchReferencePhotos,
  loadDraft,
  saveDraft,
  takeSharedPhotos,
} from './drafts.ts'

beforeEach(async () => {
  await db.drafts.clear()
  await db.meta.clear()
  vi.unstubAllGlobals()
})

describe('drafts', () => {
  it('should keep one draft per workflow and replace it on save', async () => {
    await saveDraft('ad-graphic', { prompt: 'Bread' }, [])
    await saveDraft('ad-graphic', { prompt: 'Fresh bread' }, [])
    await saveDraft('product-shoot', { prompt: 'Mug' }, [])
    expect((await loadDraft('ad-graphic'))?.fields).toEqual({ prompt: 'Fresh bread' })
    expect(await db.drafts.count()).toBe(2)
  })
  it('should discard only the given workflow', async () => {
    await saveDraft('ad-graphic', { prompt: 'Bread' }, [])
    await saveDraft('product-shoot', { prompt: 'Mug' }, [])
    await discardDraft('ad-graphic')
    expect(await loadDraft('ad-graphic')).toBeUndefined()
    expect(await loadDraft('product-shoot')).toBeDefined()
  })
})

describe('takeSharedPhotos', () => {
  it('should hand the shared photos over once', async () => {
    await db.meta.put({ key: 'sharedPhotos', value: ['photo-1', 'photo-2'] as unknown as Blob[] })
    expect(await takeSharedPhotos()).toHaveLength(2)
    expect(await takeSharedPhotos()).toEqual([])
  })
})

describe('fetchReferencePhotos', () => {
  it('should download the references in their sent order', async () => {
    const fetchMock = vi.fn(async (url: string) => new Response(url, { status: 200 }))
    vi.stubGlobal('fetch', fetchMock)
    const blobs = await fetchReferencePhotos([
      { url: '/api/generations/g/references/1', index: 1 },
      { url: '/api/generations/g/references/0', index: 0 },
    ])
    expect(await Promise.all(blobs.map((blob) => blob.text()))).toEqual([
      '/api/generations/g/references/0',
      '/api/generations/g/references/1',
    ])
  })
  it('should fail when a photo cannot be downloaded', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 404 }))
    )
    await expect(
      fetchReferencePhotos([{ url: '/api/generations/g/references/0', index: 0 }])
    ).rejects.toBeInstanceOf(Error)
  })
})
