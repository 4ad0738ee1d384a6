import { html } from 'lit'
import { workflowModel } from '../../studio/fields.ts'
import './studio-count-field.ts'
import type { StudioStepView } from './studio-step-view.ts'
import './studio-text-field.ts'

/**
 * The settings both workflows share on their settings step: how many images, then the advanced
 * options (negative prompt, seed, auto-enhance). Renders into the studio page's shadow root.
 */
export const renderCountAndAdvanced = (view: StudioStepView) =>
  html`${renderCount(view)} ${renderAdvanced(view)}`

const renderCount = ({ config, workflow, fields, errors, onField }: StudioStepView) => {
  const { n } = workflowModel(config, workflow)
  // Shown at once, not on blur: the count is changed by buttons, and it can turn invalid without
  // being touched when the credits drop below it.
  return html`<studio-count-field
    id="count"
    .value=${fields.n}
    .min=${n.min}
    .max=${n.max}
    .hint=${n.max === 1 ? `This model makes ${n.max} image per request.` : ''}
    .error=${errors.n ?? ''}
    @app-studio-field=${onField}
  ></studio-count-field>`
}

const renderAdvanced = (view: StudioStepView) => {
  const { config, workflow, fields } = view
  const model = workflowModel(config, workflow)
  const seedError = view.error('seed')
  return html`<details class="advanced" ?open=${view.advancedOpen} @toggle=${view.onAdvancedToggle}>
    <summary>Advanced options</summary>
    <div class="advanced-body">
      <studio-text-field
        id="negative"
        name="negativePrompt"
        label="Negative prompt"
        .value=${fields.negativePrompt}
        placeholder="Describe what to avoid in the image…"
        .max=${model.negativePromptMax}
        .warnAt=${model.negativePromptMax - 80}
        .error=${view.error('negativePrompt')}
        @app-studio-field=${view.onField}
        @app-studio-blur=${view.onBlur}
      ></studio-text-field>
      <div class="field">
        <label for="seed">Seed</label>
        <input
          id="seed"
          inputmode="numeric"
          .value=${fields.seed}
          aria-invalid=${seedError ? 'true' : 'false'}
          aria-describedby="seed-error seed-hint"
          @input=${(e: Event) => view.set({ seed: (e.target as HTMLInputElement).value })}
          @blur=${() => view.reveal('seed')}
        />
        <p id="seed-hint" class="hint">Empty means random. The same seed gives similar, not identical, results.</p>
        <p id="seed-error" class="error" role="alert">${seedError}</p>
      </div>
      <div class="field">
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            .checked=${fields.promptExtend}
            aria-describedby="extend-hint"
            @change=${(e: Event) => view.set({ promptExtend: (e.target as HTMLInputElement).checked })}
          />
          Auto-enhance prompt
        </label>
        <p id="extend-hint" class="hint">Lets the model rewrite your prompt with more detail. Adds a few seconds.</p>
      </div>
    </div>
  </details>`
}
