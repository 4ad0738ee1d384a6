import { css, html, LitElement } from 'lit'
import { customElement, property, query } from 'lit/decorators.js'
import { emit } from '../../events.ts'
import { CUSTOM_SIZE } from '../../studio/presets.ts'
import { focusRing } from '../../styles/shared.ts'
import { fieldStyles } from '../../styles/studio.styles.ts'

/** One choice of the size select. */
export interface SizeOption {
  readonly value: string
  readonly label: string
}

/**
 * The Product Shoot size: a select of "Match last photo", the presets and "Custom", which shows
 * width and height fields.
 *
 * @fires app-studio-field - `size`, `customWidth` or `customHeight` changed.
 * @fires app-studio-blur - A control lost focus.
 */
@customElement('studio-size-select')
export class StudioSizeSelect extends LitElement {
  static override styles = [
    focusRing,
    fieldStyles,
    css`
      .custom {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: var(--app-space-3);
      }
      .custom div {
        display: grid;
        gap: var(--app-space-1);
      }
    `,
  ]

  /** The choices, in order. */
  @property({ attribute: false }) options: readonly SizeOption[] = []
  /** The chosen value. */
  @property() value = ''
  /** Custom width text. */
  @property() customWidth = ''
  /** Custom height text. */
  @property() customHeight = ''
  /** Error to show; empty when valid. */
  @property() error = ''

  @query('select') private _select!: HTMLSelectElement

  override render() {
    const invalid = this.error ? 'true' : 'false'
    return html`<div class="field">
      <label for="size">Size</label>
      <select id="size" aria-describedby="error" @change=${this._onSelect} @blur=${this._onBlur}>
        ${this.options.map(
          (option) =>
            html`<option value=${option.value} ?selected=${option.value === this.value}>${option.label}</option>`
        )}
      </select>
      ${
        this.value === CUSTOM_SIZE
          ? html`<div class="custom">
            <div>
              <label for="width">Width (px)</label>
              <input id="width" inputmode="numeric" placeholder="1024" .value=${this.customWidth}
                aria-invalid=${invalid} aria-describedby="error"
                @input=${(e: Event) => this._onCustom('customWidth', e)} @blur=${this._onBlur} />
            </div>
            <div>
              <label for="height">Height (px)</label>
              <input id="height" inputmode="numeric" placeholder="1024" .value=${this.customHeight}
                aria-invalid=${invalid} aria-describedby="error"
                @input=${(e: Event) => this._onCustom('customHeight', e)} @blur=${this._onBlur} />
            </div>
          </div>`
          : ''
      }
      <p id="error" class="error" role="alert">${this.error}</p>
    </div>`
  }

  /** Focuses the first custom field when shown, else the select. */
  override focus(): void {
    const width = this.renderRoot.querySelector<HTMLInputElement>('#width')
    ;(width ?? this._select).focus()
  }

  private _onSelect(): void {
    emit(this, 'app-studio-field', { name: 'size', value: this._select.value })
  }

  private _onCustom(name: 'customWidth' | 'customHeight', event: Event): void {
    emit(this, 'app-studio-field', { name, value: (event.target as HTMLInputElement).value })
  }

  private _onBlur(): void {
    emit(this, 'app-studio-blur', { name: 'size' })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'studio-size-select': StudioSizeSelect
  }
}
