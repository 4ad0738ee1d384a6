import type { PublicConfig } from '@app/shared-types'
import type { ReactiveControllerHost } from 'lit'
import type { DraftController } from '../../studio/draft-controller.ts'
import { type StudioFields, workflowModel } from '../../studio/fields.ts'
import type { FormStepsController } from '../../studio/form-steps-controller.ts'
import { choosePreset } from '../../studio/preset-choice.ts'
import { NO_ROOM_MESSAGE } from '../../studio/templates.ts'
import { toggleTemplate } from '../../studio/toggle-template.ts'
import type { FieldKey } from '../../studio/validate.ts'
import type { Workflow } from '../../workflows.ts'
import type { StudioStepView } from './studio-step-view.ts'

/** What the step view reads from the studio page. */
export interface StudioStepSource {
  workflow: () => Workflow
  config: () => PublicConfig | undefined
  /** What this workflow may still spend; undefined before the server ever sent a balance. */
  available: () => number | undefined
  /** Says a change (e.g. a moved photo) in the page's polite live region. */
  announce: (text: string) => void
}

/**
 * The studio form's step view: what the step render modules show (`view`), and the handlers of
 * their events, which change the draft and reveal field errors. The template chips' "no room"
 * message lives here too, until the next chip or step change.
 */
export class StudioStepController {
  /** Why the last template chip could not be applied; empty when it could. */
  templateMessage = ''

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _draft: DraftController,
    private readonly _steps: FormStepsController,
    private readonly _source: StudioStepSource
  ) {}

  clearTemplateMessage(): void {
    this.templateMessage = ''
    this._host.requestUpdate()
  }

  /** The step modules' view of the form with `config` and the draft's `fields`. */
  view(config: PublicConfig, fields: StudioFields): StudioStepView {
    const { photos } = this._draft
    const steps = this._steps
    return {
      workflow: this._source.workflow(),
      config,
      fields,
      photos: photos.photos,
      photosBusy: photos.busy,
      photoMessages: photos.messages,
      intentNotes: this._draft.intentNotes,
      templateMessage: this.templateMessage,
      advancedOpen: steps.advancedOpen,
      available: this._source.available(),
      errors: steps.errors,
      error: (key) => steps.error(key),
      set: (patch) => this._draft.set(patch),
      reveal: (key) => steps.showIfInvalid([key]),
      onField: this._onField,
      onBlur: this._onBlur,
      onPhotos: this._onPhotos,
      onPhotoMove: this._onPhotoMove,
      onPhotoRemove: this._onPhotoRemove,
      onPreset: this._onPreset,
      onTemplate: this._onTemplate,
      onAdvancedToggle: this._onAdvancedToggle,
    }
  }

  /** Adds photos to the draft (picked, or shared from another app) and says why if none fit. */
  async addPhotos(files: File[], replace: boolean): Promise<void> {
    const added = await this._draft.photos.add(files, replace)
    // A pick that added nothing says why at once; otherwise the error shows if it already did.
    if (this._steps.shown('photos') || added === 0) this._steps.showIfInvalid(['photos'])
  }

  private readonly _onField: StudioStepView['onField'] = (event) => {
    const { name, value } = event.detail
    this._draft.set({ [name]: value })
  }

  private readonly _onBlur: StudioStepView['onBlur'] = (event) => {
    this._steps.showIfInvalid([event.detail.name as FieldKey])
  }

  private readonly _onAdvancedToggle: StudioStepView['onAdvancedToggle'] = (event) => {
    this._steps.advancedOpen = (event.target as HTMLDetailsElement).open
    this._host.requestUpdate()
  }

  private readonly _onPhotos: StudioStepView['onPhotos'] = (event) => {
    void this.addPhotos(event.detail.files, false)
  }

  private readonly _onPhotoMove: StudioStepView['onPhotoMove'] = (event) => {
    const notice = this._draft.photos.move(event.detail.from, event.detail.to)
    if (notice) this._source.announce(notice)
  }

  private readonly _onPhotoRemove: StudioStepView['onPhotoRemove'] = (event) => {
    void this._draft.photos.remove(event.detail.index)
  }

  private readonly _onPreset: StudioStepView['onPreset'] = async (event) => {
    const { fields } = this._draft
    if (!fields || event.detail.id === fields.presetId) return
    const next = await choosePreset(fields, event.detail.id)
    if (next) this._draft.replace(next)
    // On Cancel, re-render so the cards show the use case that is still selected.
    else this._host.requestUpdate()
  }

  private readonly _onTemplate: StudioStepView['onTemplate'] = (event) => {
    const { fields } = this._draft
    const config = this._source.config()
    if (!fields || !config) return
    const max = workflowModel(config, this._source.workflow()).promptMax
    const next = toggleTemplate(fields, event.detail.groupId, event.detail.templateId, max)
    if (!next) {
      this.templateMessage = NO_ROOM_MESSAGE
      this._host.requestUpdate()
      return
    }
    this.clearTemplateMessage()
    this._draft.set({ prompt: next.prompt, templates: next.templates, applied: next.applied })
  }
}
