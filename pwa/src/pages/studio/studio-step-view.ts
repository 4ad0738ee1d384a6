import type { PublicConfig } from '@app/shared-types'
import type {
  AppStudioBlurEvent,
  AppStudioFieldEvent,
  AppStudioPhotoMoveEvent,
  AppStudioPhotoRemoveEvent,
  AppStudioPhotosEvent,
  AppStudioPresetEvent,
  AppStudioTemplateEvent,
} from '../../events.ts'
import type { StudioFields } from '../../studio/fields.ts'
import type { FieldErrors, FieldKey } from '../../studio/validate.ts'
import type { Workflow } from '../../workflows.ts'

/**
 * What the step render modules need from the studio page: its state, read-only, and the page's
 * handlers. The modules render into the page's own shadow root, so the page can still find and
 * focus any field by id when a step has an error.
 */
export interface StudioStepView {
  readonly workflow: Workflow
  readonly config: PublicConfig
  readonly fields: StudioFields
  readonly photos: Blob[]
  readonly photosBusy: boolean
  readonly photoMessages: string[]
  readonly intentNotes: string[]
  readonly templateMessage: string
  readonly advancedOpen: boolean
  /** What this workflow may still spend; undefined before the server ever sent a balance. */
  readonly available: number | undefined
  /** Every current error, shown or not. */
  readonly errors: FieldErrors
  /** A field's error once the user has left the field or tried to go on; else empty. */
  error(key: FieldKey): string
  /** Changes some fields (and autosaves them). */
  set(patch: Partial<StudioFields>): void
  /** Shows a field's error, if it has one (on blur). */
  reveal(key: FieldKey): void
  onField(event: AppStudioFieldEvent): void
  onBlur(event: AppStudioBlurEvent): void
  onPhotos(event: AppStudioPhotosEvent): void
  onPhotoMove(event: AppStudioPhotoMoveEvent): void
  onPhotoRemove(event: AppStudioPhotoRemoveEvent): void
  onPreset(event: AppStudioPresetEvent): void
  onTemplate(event: AppStudioTemplateEvent): void
  onAdvancedToggle(event: Event): void
}
