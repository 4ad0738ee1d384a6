import { css, html, LitElement } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { emit } from '../../events.ts'
import { focusRing } from '../../styles/shared.ts'

/**
 * The studio's three steps. Earlier steps can always be tapped; later ones only once every step
 * before them is valid (`reachable`).
 *
 * @fires app-studio-step - The user chose a step; `detail.index` is 0-based.
 */
@customElement('studio-stepper')
export class StudioStepper extends LitElement {
  static override styles = [
    focusRing,
    css`
      ol {
        display: flex;
        gap: var(--app-space-2);
        margin: 0;
        padding: 0;
        list-style: none;
        counter-reset: step;
      }
      li {
        flex: 1;
      }
      button {
        display: flex;
        align-items: center;
        gap: var(--app-space-2);
        width: 100%;
        min-height: var(--app-touch-target);
        padding: var(--app-space-1) var(--app-space-2);
        border: 1px solid var(--app-color-border);
        border-radius: var(--app-radius-pill);
        background: var(--app-color-surface);
        color: var(--app-color-text);
        font: inherit;
        font-size: var(--app-font-size-sm);
        cursor: pointer;
      }
      button[aria-current='step'] {
        border-color: var(--app-color-primary);
        background: var(--app-color-primary-soft);
        font-weight: var(--app-font-weight-bold);
      }
      button:disabled {
        cursor: not-allowed;
        color: var(--app-color-text-muted);
      }
      .number {
        display: inline-grid;
        place-items: center;
        flex: none;
        width: 1.5rem;
        height: 1.5rem;
        border-radius: 50%;
        background: var(--app-color-surface-2);
      }
      button[aria-current='step'] .number {
        background: var(--app-color-primary);
        color: var(--app-color-on-primary);
      }
    `,
  ]

  /** Step names in order. */
  @property({ attribute: false }) steps: readonly string[] = []
  /** The open step, 0-based. */
  @property({ type: Number }) current = 0
  /** The furthest step that may be opened. */
  @property({ type: Number }) reachable = 0

  override render() {
    return html`<nav aria-label="Steps">
      <ol>
        ${this.steps.map(
          (name, i) => html`<li>
            <button
              type="button"
              aria-current=${i === this.current ? 'step' : 'false'}
              ?disabled=${i > this.reachable}
              @click=${() => this._onStep(i)}
            >
              <span class="number" aria-hidden="true">${i + 1}</span>${name}
            </button>
          </li>`
        )}
      </ol>
    </nav>`
  }

  private _onStep(index: number): void {
    if (index !== this.current) emit(this, 'app-studio-step', { index })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'studio-stepper': StudioStepper
  }
}
