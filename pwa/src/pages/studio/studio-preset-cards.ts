import { css, html, LitElement } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { live } from 'lit/directives/live.js'
import { emit } from '../../events.ts'
import { cssProperties } from '../../styles/css-properties.ts'
import { focusRing, visuallyHidden } from '../../styles/shared.ts'

/** What one card shows. */
export interface PresetCard {
  readonly id: string
  readonly label: string
  readonly description: string
  /** A `W:H` aspect drawn as a small frame, when the card stands for a size. */
  readonly aspect?: string
}

/**
 * A horizontal, scrollable list of cards that act as one radio group (use-case presets, sizes).
 *
 * @fires app-studio-preset - A card was chosen; `detail.id` is its id.
 */
@customElement('studio-preset-cards')
export class StudioPresetCards extends LitElement {
  static override styles = [
    focusRing,
    visuallyHidden,
    css`
      fieldset {
        margin: 0 0 var(--app-space-5);
        padding: 0;
        border: 0;
        min-width: 0;
      }
      legend {
        margin-bottom: var(--app-space-2);
        padding: 0;
        font-weight: var(--app-font-weight-bold);
      }
      .cards {
        display: flex;
        gap: var(--app-space-3);
        overflow-x: auto;
        padding: var(--app-space-1);
        scroll-snap-type: x proximity;
      }
      label {
        flex: 0 0 11rem;
        display: grid;
        align-content: start;
        gap: var(--app-space-1);
        min-height: var(--app-touch-target);
        padding: var(--app-space-3);
        border: 1px solid var(--app-color-border);
        border-radius: var(--app-radius-md);
        background: var(--app-color-surface);
        cursor: pointer;
        scroll-snap-align: start;
      }
      label:has(input:checked) {
        border-color: var(--app-color-primary);
        background: var(--app-color-primary-soft);
        box-shadow: inset 0 0 0 1px var(--app-color-primary);
      }
      label:has(input:focus-visible) {
        outline: var(--app-focus-ring);
        outline-offset: var(--app-focus-ring-offset);
      }
      .name {
        font-weight: var(--app-font-weight-bold);
      }
      .description {
        color: var(--app-color-text-muted);
        font-size: var(--app-font-size-sm);
      }
      .frame {
        height: 3rem;
        display: grid;
        place-items: center;
      }
      .frame span {
        display: block;
        box-sizing: border-box;
        border: 2px solid var(--app-color-primary);
        border-radius: var(--app-radius-sm);
      }
    `,
  ]

  /** The group's legend. */
  @property() legend = ''
  /** Radio group name. */
  @property() name = ''
  /** The cards, in order. */
  @property({ attribute: false }) cards: readonly PresetCard[] = []
  /** The chosen card's id. */
  @property() selected = ''

  override render() {
    return html`<fieldset>
      <legend>${this.legend}</legend>
      <div class="cards">
        ${this.cards.map(
          (card) => html`<label>
            <input class="visually-hidden" type="radio" name=${this.name} value=${card.id}
              .checked=${live(card.id === this.selected)} @change=${() => this._onChoose(card.id)} />
            ${card.aspect ? this._frame(card.aspect) : ''}
            <span class="name">${card.label}</span>
            <span class="description">${card.description}</span>
          </label>`
        )}
      </div>
    </fieldset>`
  }

  private _frame(aspect: string) {
    const [w = 1, h = 1] = aspect.split(':').map(Number)
    // The longer side fills the 3rem box; the other follows the aspect.
    const side = w >= h ? 'width' : 'height'
    const shape = cssProperties({ [side]: '3rem', 'aspect-ratio': `${w} / ${h}` })
    return html`<span class="frame" aria-hidden="true"><span style=${shape}></span></span>`
  }

  private _onChoose(id: string): void {
    emit(this, 'app-studio-preset', { id })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'studio-preset-cards': StudioPresetCards
  }
}
