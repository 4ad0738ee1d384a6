import type { PublicConfig } from '@app/shared-types'
import { confirmDialog } from '../components/app-dialog.ts'
import { fetchReferencePhotos, takeSharedPhotos } from '../data/drafts.ts'
import { historyItem } from '../data/history.ts'
import type { Workflow } from '../workflows.ts'
import type { DraftController } from './draft-controller.ts'
import { type StudioFields, workflowModel } from './fields.ts'
import { fieldsFromSettings, type SentSettings } from './prefill.ts'
import { sizeChoices } from './sizes.ts'

/** Where the studio stands when a link asks it to prefill. */
interface PrefillContext {
  workflow: Workflow
  config: PublicConfig
  defaults: StudioFields
  /** Whether the form differs from a fresh one (then replacing it asks first). */
  hasChanges: () => boolean
}

/** A form filled from an earlier request. */
export interface Prefill {
  fields: StudioFields
  photos: Blob[]
  photoMessages: string[]
  /** The device-only request that Generate replaces (`?edit=`); undefined for `?from=`. */
  editEntryId: string | undefined
}

/**
 * `?from=<id>` ("Generate again") and `?edit=<entryId>` ("Edit"): the form of an earlier request
 * of this workflow, after the user agreed to replace a changed draft. Undefined when there is
 * nothing to put in the form or the user declined.
 */
const prefillFromHistory = async (
  id: string,
  edit: boolean,
  ctx: PrefillContext
): Promise<Prefill | undefined> => {
  const item = await historyItem(id)
  if (!item) return undefined
  const workflow = item.kind === 'synced' ? item.generation.workflow : item.entry.workflow
  if (workflow !== ctx.workflow) return undefined
  if (
    ctx.hasChanges() &&
    !(await confirmDialog({ title: 'Replace your current draft?', confirmLabel: 'Replace' }))
  ) {
    return undefined
  }
  let settings: SentSettings | undefined
  let photos: Blob[] = []
  let photoMessages: string[] = []
  let editEntryId: string | undefined
  if (item.kind === 'synced') {
    settings = item.generation.params
    if (item.generation.references.length > 0) {
      try {
        photos = await fetchReferencePhotos(item.generation.references)
      } catch {
        photoMessages = [
          "The photos of that request couldn't be loaded. Add them again to continue.",
        ]
      }
    }
  } else {
    settings = item.entry.request
    photos = [...item.entry.references]
    // Only a request still on the device can be replaced; a synced one is sent again as new.
    if (edit) editEntryId = item.id
  }
  if (!settings) return undefined
  const model = workflowModel(ctx.config, ctx.workflow)
  return {
    fields: fieldsFromSettings(
      settings,
      ctx.defaults,
      sizeChoices(model, ctx.config),
      ctx.workflow === 'product-shoot'
    ),
    photos,
    photoMessages,
    editEntryId,
  }
}

/** Photos shared from another app, and whether they replace the draft's photos. */
export interface SharedPhotos {
  files: File[]
  replace: boolean
}

/**
 * `?shared=1`: takes the photos the share target stored (once, whichever studio opens). Only
 * Product Shoot uses photos. When they do not fit next to the draft's photos, the user chooses to
 * replace those or to drop the shared ones (undefined).
 */
const takeSharedForDraft = async (
  workflow: Workflow,
  config: PublicConfig,
  current: number
): Promise<SharedPhotos | undefined> => {
  const shared = await takeSharedPhotos()
  if (shared.length === 0 || workflow !== 'product-shoot') return undefined
  const max = workflowModel(config, workflow).references.max
  let replace = false
  if (current + shared.length > max && current > 0) {
    replace = await confirmDialog({
      title: 'Replace the photos in your draft?',
      confirmLabel: 'Replace',
    })
    if (!replace) return undefined
  }
  const files = shared.map((blob, i) =>
    blob instanceof File ? blob : new File([blob], `shared-${i + 1}`, { type: blob.type })
  )
  return { files, replace }
}

/**
 * Follows the studio link's parameters (`?from=`, `?edit=`, `?shared=1`) into the draft, then
 * drops them from the address, so a reload does not ask again. True if the form was replaced by
 * an earlier request (then the studio shows its first step).
 */
export const followStudioLink = async (
  workflow: Workflow,
  config: PublicConfig,
  draft: DraftController,
  addShared: (shared: SharedPhotos) => Promise<void>
): Promise<boolean> => {
  const params = new URLSearchParams(window.location.search)
  const from = params.get('from')
  const edit = params.get('edit')
  const defaults = draft.defaults
  let prefilled = false
  if ((from || edit) && defaults) {
    const prefill = await prefillFromHistory(from ?? edit ?? '', edit !== null, {
      workflow,
      config,
      defaults,
      hasChanges: () => draft.changed(),
    })
    if (prefill) draft.applyPrefill(prefill)
    prefilled = prefill !== undefined
  }
  if (params.get('shared') === '1') {
    const shared = await takeSharedForDraft(workflow, config, draft.photos.photos.length)
    if (shared) await addShared(shared)
  }
  if (params.size > 0) window.history.replaceState(null, '', window.location.pathname)
  return prefilled
}
