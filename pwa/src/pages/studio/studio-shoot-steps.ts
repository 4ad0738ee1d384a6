import { html } from 'lit'
import { workflowModel } from '../../studio/fields.ts'
import { presetById, TEMPLATE_GROUPS, USE_CASE_PRESETS } from '../../studio/presets.ts'
import { sizeChoices } from '../../studio/sizes.ts'
import './studio-photo-picker.ts'
import './studio-preset-cards.ts'
import { renderCountAndAdvanced } from './studio-shared-fields.ts'
import './studio-size-select.ts'
import type { StudioStepView } from './studio-step-view.ts'
import './studio-template-chips.ts'
import './studio-text-field.ts'

/** Product Shoot step 1, "Photos": the reference photos (docs/product.md §5.1). */
export const renderShootPhotos = (view: StudioStepView) => html`<studio-photo-picker
  id="photos"
  .photos=${view.photos}
  .max=${workflowModel(view.config, view.workflow).references.max}
  .error=${view.error('photos')}
  .messages=${view.photoMessages}
  ?busy=${view.photosBusy}
  @app-studio-photos=${view.onPhotos}
  @app-studio-photo-move=${view.onPhotoMove}
  @app-studio-photo-remove=${view.onPhotoRemove}
></studio-photo-picker>`

/**
 * Product Shoot step 2, "Direction": use case, shoot direction and templates
 * (docs/product.md §5.2–§5.5).
 */
export const renderShootDirection = (view: StudioStepView) => {
  const { fields } = view
  const model = workflowModel(view.config, view.workflow)
  const hints = ['Works best for new backgrounds, lighting, props and styled scenes.']
  if (view.photos.length >= 2) {
    hints.push('Refer to your photos as Image 1, Image 2 and Image 3.')
  }
  return html`<studio-preset-cards
      legend="Use case"
      name="preset"
      .cards=${USE_CASE_PRESETS}
      .selected=${fields.presetId}
      @app-studio-preset=${view.onPreset}
    ></studio-preset-cards>
    <studio-text-field
      id="prompt"
      name="prompt"
      label="Shoot direction"
      .value=${fields.prompt}
      placeholder=${presetById(fields.presetId).hint}
      .max=${model.promptMax}
      .warnAt=${model.promptMax - 130}
      .hints=${hints}
      .notes=${view.intentNotes}
      .error=${view.error('prompt')}
      @app-studio-field=${view.onField}
      @app-studio-blur=${view.onBlur}
    ></studio-text-field>
    <studio-template-chips
      .groups=${TEMPLATE_GROUPS}
      .selected=${fields.templates}
      .message=${view.templateMessage}
      @app-studio-template=${view.onTemplate}
    ></studio-template-chips>`
}

/**
 * Product Shoot's settings, shown on its "Review" step above the summary: size, then the shared
 * settings (docs/product.md §5).
 */
export const renderShootSettings = (view: StudioStepView) => {
  const { fields } = view
  return html`<studio-size-select
      id="size"
      .options=${sizeChoices(workflowModel(view.config, view.workflow), view.config)}
      .value=${fields.size}
      .customWidth=${fields.customWidth}
      .customHeight=${fields.customHeight}
      .error=${view.error('size')}
      @app-studio-field=${view.onField}
      @app-studio-blur=${view.onBlur}
    ></studio-size-select>
    ${renderCountAndAdvanced(view)}`
}
