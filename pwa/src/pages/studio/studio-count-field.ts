import { css, html, LitElement } from 'lit'
import { customElement, property, query } from 'lit/decorators.js'
import { emit } from '../../events.ts'
import { buttonBase, focusRing } from '../../styles/shared.ts'
import { fieldStyles } from '../../styles/studio.styles.ts'

/**
 * "Number of images": a − / + stepper around a number, within the model's range.
 *
 * @fires app-studio-field - `n` changed.
 */
@customElement('studio-count-field')
export class StudioCountField extends LitElement {
  static override styles = [
    focusRing,
    buttonBase,
    fieldStyles,
    css`
      .stepper {
        display: flex;
        align-items: center;
        gap: var(--app-space-3);
      }
      output {
        min-width: 2ch;
        text-align: center;
        font-size: var(--app-font-size-lg);
        font-weight: var(--app-font-weight-bold);
        font-variant-numeric: tabular-nums;
      }
      .button {
        padding: 0;
        font-size: var(--app-font-size-lg);
      }
    `,
  ]

  /** Current count. */
  @property({ type: Number }) value = 1
  /** Smallest allowed. */
  @property({ type: Number }) min = 1
  /** Largest allowed. */
  @property({ type: Number }) max = 1
  /** Guidance under the stepper. */
  @property() hint = ''
  /** Error to show; empty when valid. */
  @property() error = ''

  @query('button:not([disabled])') private _firstEnabled!: HTMLButtonElement | null

  override render() {
    return html`<div class="field" role="group" aria-labelledby="label" aria-describedby="hint error">
      <span class="label" id="label">Number of images</span>
      <div class="stepper">
        <button class="button button--secondary" type="button" aria-label="Fewer images"
          ?disabled=${this.value <= this.min} @click=${() => this._onStep(-1)}>−</button>
        <output aria-live="polite" aria-labelledby="label">${this.value}</output>
        <button class="button button--secondary" type="button" aria-label="More images"
          ?disabled=${this.value >= this.max} @click=${() => this._onStep(1)}>+</button>
      </div>
      ${this.hint ? html`<p id="hint" class="hint">${this.hint}</p>` : ''}
      <p id="error" class="error" role="alert">${this.error}</p>
    </div>`
  }

  /** Focuses a usable button of the stepper. */
  override focus(): void {
    this._firstEnabled?.focus()
  }

  private _onStep(delta: number): void {
    const value = Math.min(this.max, Math.max(this.min, this.value + delta))
    emit(this, 'app-studio-field', { name: 'n', value })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'studio-count-field': StudioCountField
  }
}
