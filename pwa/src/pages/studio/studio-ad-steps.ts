import { html } from 'lit'
import type { AppStudioPresetEvent } from '../../events.ts'
import { workflowModel } from '../../studio/fields.ts'
import { sizeChoices } from '../../studio/sizes.ts'
import './studio-preset-cards.ts'
import { renderCountAndAdvanced } from './studio-shared-fields.ts'
import type { StudioStepView } from './studio-step-view.ts'
import './studio-text-field.ts'

/** Ad Graphic step 1, "Describe": the ad prompt (docs/product.md §6). */
export const renderAdPrompt = ({
  config,
  workflow,
  fields,
  error,
  onField,
  onBlur,
}: StudioStepView) => {
  const model = workflowModel(config, workflow)
  return html`<studio-text-field
    id="prompt"
    name="prompt"
    label="Ad prompt"
    .value=${fields.prompt}
    placeholder="Describe the ad: product, scene, style, and any words to show…"
    .max=${model.promptMax}
    .warnAt=${model.promptMax - 130}
    .hints=${['To show words on the image, put them in quotes, for example the headline ‘Fresh Bread Daily’.']}
    .error=${error('prompt')}
    @app-studio-field=${onField}
    @app-studio-blur=${onBlur}
  ></studio-text-field>`
}

/** Ad Graphic step 2, "Format": the size as picture cards, then the shared settings. */
export const renderAdFormat = (view: StudioStepView) => {
  const { config, workflow, fields } = view
  const cards = sizeChoices(workflowModel(config, workflow), config).map((choice) => ({
    id: choice.value,
    label: choice.name,
    description: choice.detail,
    aspect: choice.aspect,
  }))
  return html`<studio-preset-cards
      id="size"
      legend="Size"
      name="size"
      .cards=${cards}
      .selected=${fields.size}
      @app-studio-preset=${(e: AppStudioPresetEvent) => view.set({ size: e.detail.id })}
    ></studio-preset-cards>
    ${renderCountAndAdvanced(view)}`
}
