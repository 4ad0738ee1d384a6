import type { Workflow } from '@app/shared-types'
import { apiBlob } from './api.ts'
import { type Draft, db } from './db.ts'
import { readMeta } from './meta.ts'

/** The saved form of one studio, if any. */
export const loadDraft = async (workflow: Workflow): Promise<Draft | undefined> =>
  db.drafts.get(workflow)

/** Saves one studio's form and photos, replacing its previous draft. */
export const saveDraft = async (
  workflow: Workflow,
  fields: Record<string, unknown>,
  photos: readonly Blob[]
): Promise<void> => {
  await db.drafts.put({
    workflow,
    fields,
    photos: [...photos],
    updatedAt: new Date().toISOString(),
  })
}

/** Deletes one studio's draft. */
export const discardDraft = async (workflow: Workflow): Promise<void> => {
  await db.drafts.delete(workflow)
}

/** Deletes every studio's draft (Settings, "Discard drafts"). */
export const discardAllDrafts = async (): Promise<void> => {
  await db.drafts.clear()
}

/**
 * Downloads the reference photos of a synced generation, in their sent order, so "Generate again"
 * can send them again. Needs a connection (or the images in the service worker's cache).
 */
export const fetchReferencePhotos = async (
  references: readonly { url: string; index: number }[]
): Promise<Blob[]> => {
  const ordered = [...references].sort((a, b) => a.index - b.index)
  return Promise.all(ordered.map((ref) => apiBlob(ref.url)))
}

/** Takes the photos shared from another app (share target) out of storage, once. */
export const takeSharedPhotos = async (): Promise<Blob[]> =>
  db.transaction('rw', db.meta, async () => {
    const photos = (await readMeta('sharedPhotos')) ?? []
    await db.meta.delete('sharedPhotos')
    return photos
  })
