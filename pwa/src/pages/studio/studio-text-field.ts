import { codePointLength } from '@app/shared-types'
import { html, LitElement } from 'lit'
import { customElement, property, query } from 'lit/decorators.js'
import { emit } from '../../events.ts'
import { focusRing } from '../../styles/shared.ts'
import { fieldStyles } from '../../styles/studio.styles.ts'

/**
 * A prompt-like textarea with its label, hints, error and an "n/max" counter. There is no
 * `maxlength`, so pasted text is never cut; the counter turns to the warning colour at `warnAt`
 * and to the error colour above `max`.
 *
 * @fires app-studio-field - The text changed; `detail.name` is `name`.
 * @fires app-studio-blur - The textarea lost focus.
 */
@customElement('studio-text-field')
export class StudioTextField extends LitElement {
  static override styles = [focusRing, fieldStyles]

  /** Form field name, sent with the events. */
  @property() name = ''
  /** Visible label. */
  @property() label = ''
  /** Current text. */
  @property() value = ''
  /** Placeholder text. */
  @property() placeholder = ''
  /** Most code points allowed. */
  @property({ type: Number }) max = 800
  /** Count from which the counter shows the warning colour. */
  @property({ type: Number }) warnAt = 670
  /** Fixed guidance under the field. */
  @property({ attribute: false }) hints: readonly string[] = []
  /** Non-blocking notes, announced politely (e.g. intent warnings). */
  @property({ attribute: false }) notes: readonly string[] = []
  /** Error to show; empty when valid. */
  @property() error = ''

  @query('textarea') private _textarea!: HTMLTextAreaElement

  override render() {
    const count = codePointLength(this.value)
    const tone = count > this.max ? 'error' : count >= this.warnAt ? 'warning' : ''
    const described = ['error', 'counter', ...this.hints.map((_, i) => `hint-${i}`)].join(' ')
    return html`<div class="field">
      <label for="input">${this.label}</label>
      <textarea
        id="input"
        .value=${this.value}
        placeholder=${this.placeholder}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${described}
        @input=${this._onInput}
        @blur=${this._onBlur}
      ></textarea>
      <span id="counter" class="counter ${tone ? `counter--${tone}` : ''}">${count}/${this.max}</span>
      <p id="error" class="error" role="alert">${this.error}</p>
      ${this.hints.map((hint, i) => html`<p id="hint-${i}" class="hint">${hint}</p>`)}
      <div aria-live="polite">${this.notes.map((note) => html`<p class="warning">${note}</p>`)}</div>
    </div>`
  }

  /** Focuses the textarea (for "focus the first invalid field"). */
  override focus(): void {
    this._textarea.focus()
  }

  private _onInput(): void {
    emit(this, 'app-studio-field', { name: this.name, value: this._textarea.value })
  }

  private _onBlur(): void {
    emit(this, 'app-studio-blur', { name: this.name })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'studio-text-field': StudioTextField
  }
}
