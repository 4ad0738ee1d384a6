import type { Workflow } from '@app/shared-types'
import { css, html, LitElement } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { EffectiveNegative } from '../../studio/augment.ts'
import { CREDIT_NOUN } from '../../studio/validate.ts'

/**
 * "What will be sent": the final texts, size, number of images and the cost
 * (docs/product.md §5, §6).
 */
@customElement('studio-review')
export class StudioReview extends LitElement {
  static override styles = css`
    section {
      margin: 0 0 var(--app-space-5);
      padding: var(--app-space-4);
      border: 1px solid var(--app-color-border);
      border-radius: var(--app-radius-md);
      background: var(--app-color-surface-2);
    }
    h2 {
      margin: 0 0 var(--app-space-3);
      font-size: var(--app-font-size-lg);
    }
    dl {
      display: grid;
      gap: var(--app-space-1) var(--app-space-4);
      margin: 0 0 var(--app-space-3);
    }
    dt {
      font-weight: var(--app-font-weight-bold);
    }
    dd {
      margin: 0 0 var(--app-space-2);
      overflow-wrap: anywhere;
    }
    .auto {
      color: var(--app-color-text-muted);
    }
    p {
      margin: 0;
    }
    .note {
      color: var(--app-color-warning);
    }
    @media (min-width: 40em) {
      dl {
        grid-template-columns: max-content 1fr;
      }
    }
  `

  /** Which workflow the request is for. */
  @property() workflow: Workflow = 'product-shoot'
  /** The final prompt or shoot direction. */
  @property() prompt = ''
  /** The negative prompt as sent, with the part the app added. */
  @property({ attribute: false }) negative: EffectiveNegative = {
    text: '',
    added: null,
    tooLong: false,
  }
  /** The size as the user reads it. */
  @property() sizeLabel = ''
  /** Number of images. */
  @property({ type: Number }) n = 1
  /** Credits this workflow may still spend, when known. */
  @property({ type: Number }) available: number | undefined

  override render() {
    const userPart = this.negative.added
      ? this.negative.text.slice(0, this.negative.text.length - this.negative.added.length)
      : this.negative.text
    return html`<section aria-labelledby="heading">
      <h2 id="heading">What will be sent</h2>
      <dl>
        <dt>${this.workflow === 'product-shoot' ? 'Shoot direction' : 'Prompt'}</dt>
        <dd>${this.prompt}</dd>
        <dt>Negative prompt</dt>
        <dd>
          ${this.negative.text === '' ? 'None' : userPart}${
            this.negative.added
              ? html`<span class="auto">${this.negative.added} (auto-added)</span>`
              : ''
          }
          ${this.negative.tooLong ? html`<p class="note">Not auto-extended: the negative prompt is too long.</p>` : ''}
        </dd>
        <dt>Size</dt>
        <dd>${this.sizeLabel}</dd>
        <dt>Number of images</dt>
        <dd>${this.n}</dd>
      </dl>
      <p>
        Uses ${this.n} ${CREDIT_NOUN[this.workflow]} ${this.n === 1 ? 'credit' : 'credits'}.${
          this.available === undefined ? '' : ` You have ${this.available}.`
        }
      </p>
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'studio-review': StudioReview
  }
}
