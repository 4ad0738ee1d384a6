import type { PublicConfig } from '@app/shared-types'
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { setFormDirty } from '../data/app-update.ts'
import { discardDraft, loadDraft, saveDraft } from '../data/drafts.ts'
import type { Workflow } from '../workflows.ts'
import { DraftPhotosController } from './draft-photos-controller.ts'
import { defaultFields, fieldsChanged, parseFields, type StudioFields } from './fields.ts'
import { intentWarnings } from './intents.ts'
import type { Prefill } from './prefill-flow.ts'

/** Autosave and intent-warning delay after the last change (docs/product.md §4, §5.5). */
const QUIET_MS = 500

/**
 * A studio's form and its draft: restored on open, saved 500 ms after the last change and once
 * more when the page goes away. Meanwhile the form counts as dirty, so an app update waits
 * instead of reloading over unsaved input. Also keeps the shoot direction's intent warnings,
 * which wait for the same pause in typing so they do not flicker.
 */
export class DraftController implements ReactiveController {
  /** The form; undefined until the config and the draft are loaded. */
  fields: StudioFields | undefined
  /** Intent warnings about the shoot direction (Product Shoot only). */
  intentNotes: string[] = []
  /** The device-only request this form edits (`?edit=`), replaced by the next Generate. */
  editEntryId: string | undefined
  readonly photos: DraftPhotosController
  private _defaults: StudioFields | undefined
  private _saveTimer: ReturnType<typeof setTimeout> | undefined
  private _intentTimer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _workflow: () => Workflow,
    maxPhotos: () => number
  ) {
    _host.addController(this)
    this.photos = new DraftPhotosController(_host, this, maxPhotos)
  }

  hostDisconnected(): void {
    clearTimeout(this._intentTimer)
    if (this._saveTimer !== undefined) {
      clearTimeout(this._saveTimer)
      void this._save()
    }
  }

  /** Fills the form from the saved draft, or with the workflow's defaults if there is none. */
  async restore(config: PublicConfig): Promise<void> {
    const defaults = defaultFields(this._workflow(), config)
    this._defaults = defaults
    const draft = await loadDraft(this._workflow())
    this.fields = draft ? parseFields(draft.fields, defaults) : defaults
    this.photos.restore(draft ? [...draft.photos] : [])
    this._checkIntents()
  }

  /** The workflow's defaults (available once restored). */
  get defaults(): StudioFields | undefined {
    return this._defaults
  }

  /** Whether the form differs from a fresh one. */
  changed(): boolean {
    return (
      this.photos.photos.length > 0 ||
      (this.fields !== undefined &&
        this._defaults !== undefined &&
        fieldsChanged(this.fields, this._defaults))
    )
  }

  /** Changes some fields and autosaves; a new prompt re-checks intents after the pause. */
  set(patch: Partial<StudioFields>): void {
    if (!this.fields) return
    this.fields = { ...this.fields, ...patch }
    if (patch.prompt !== undefined) {
      clearTimeout(this._intentTimer)
      this._intentTimer = setTimeout(() => this._checkIntents(), QUIET_MS)
    }
    this._changedNow()
  }

  /** Replaces the whole form (a use-case preset) and autosaves. */
  replace(fields: StudioFields): void {
    this.fields = fields
    this._checkIntents()
    this._changedNow()
  }

  /** Puts an earlier request in the form (`?from=`, `?edit=`) and autosaves. */
  applyPrefill(prefill: Prefill): void {
    if (prefill.editEntryId) this.editEntryId = prefill.editEntryId
    this.photos.restore(
      prefill.photos,
      prefill.photoMessages.length > 0 ? prefill.photoMessages : undefined
    )
    this.replace(prefill.fields)
  }

  /** Empties the form and deletes its draft (Start over). */
  async discard(): Promise<void> {
    clearTimeout(this._saveTimer)
    this._saveTimer = undefined
    this.fields = this._defaults
    this.photos.clear()
    this.editEntryId = undefined
    this._checkIntents()
    await discardDraft(this._workflow())
    setFormDirty(this._dirtyKey(), false)
  }

  /** Saves after the quiet delay; a newer change restarts the delay. */
  schedule(): void {
    setFormDirty(this._dirtyKey(), true)
    clearTimeout(this._saveTimer)
    this._saveTimer = setTimeout(() => void this._save(), QUIET_MS)
  }

  /** While photos are being prepared the form stays dirty, even if a save of the fields ends. */
  markBusy(): void {
    setFormDirty(this._dirtyKey(), true)
  }

  private _changedNow(): void {
    this._host.requestUpdate()
    this.schedule()
  }

  private _checkIntents(): void {
    this.intentNotes =
      this._workflow() === 'product-shoot' && this.fields
        ? intentWarnings(this.fields.prompt).map((warning) => warning.message)
        : []
    this._host.requestUpdate()
  }

  private _dirtyKey(): string {
    return `studio:${this._workflow()}`
  }

  private async _save(): Promise<void> {
    this._saveTimer = undefined
    const fields = this.fields
    if (!fields) return
    await saveDraft(this._workflow(), { ...fields }, this.photos.photos)
    if (this._saveTimer === undefined && !this.photos.busy) setFormDirty(this._dirtyKey(), false)
  }
}
