import { CREDIT_PACKS, type CreditPack } from '@app/shared-types'
import { css, html, LitElement, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { purchaseErrorText } from '../data/error-text.ts'
import { startCheckout } from '../data/purchases.ts'
import { credits, formatPrice } from '../format.ts'
import { profileSectionStyles } from '../styles/profile.styles.ts'
import { buttonBase, focusRing } from '../styles/shared.ts'
import { WORKFLOWS, type Workflow } from '../workflows.ts'

/**
 * The credit packs of one workflow, each with a "Buy" button that opens the checkout page
 * (docs/product.md §7). Buying needs a connection: offline the buttons are disabled and say so.
 * Opening the checkout and its failure are announced in a polite status region.
 */
@customElement('app-buy-credits')
export class AppBuyCredits extends LitElement {
  static override styles = [
    profileSectionStyles,
    buttonBase,
    focusRing,
    css`
      .title {
        margin: 0 0 var(--app-space-2);
        font-weight: var(--app-font-weight-bold);
      }
      .status:empty {
        display: none;
      }
    `,
  ]

  /** Whose packs to offer. */
  @property() workflow: Workflow = 'product-shoot'
  /** Whether the device is online; a purchase goes to the server and the payment page. */
  @property({ type: Boolean }) online = true

  @state() private _busy = false
  @state() private _message = ''

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('pageshow', this._onPageShow)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('pageshow', this._onPageShow)
  }

  override render() {
    const offline = !this.online
    return html`<p class="title" id="packs">${WORKFLOWS[this.workflow].name} credits</p>
      <ul aria-labelledby="packs">
        ${CREDIT_PACKS[this.workflow].map(
          (pack) => html`<li class="row">
            <span>
              <strong>${pack.name}</strong><br />
              <span class="muted">${credits(pack.credits)}</span>
            </span>
            <button
              class="button button--secondary"
              type="button"
              data-pack=${pack.id}
              ?disabled=${offline || this._busy}
              aria-describedby=${offline ? 'offline' : nothing}
              @click=${() => this._onBuy(pack)}
            >
              Buy for ${formatPrice(pack.price, pack.currency)}
            </button>
          </li>`
        )}
      </ul>
      ${offline ? html`<p class="needs-connection" id="offline">Buying credits needs a connection.</p>` : nothing}
      <p class="status" role="status" aria-live="polite">${this._message}</p>`
  }

  private async _onBuy(pack: CreditPack): Promise<void> {
    if (this._busy) return
    this._busy = true
    this._message = 'Opening the payment page…'
    try {
      await startCheckout(this.workflow, pack.id)
    } catch (error) {
      this._message = purchaseErrorText(error)
      this._busy = false
    }
  }

  /** Back from the payment page through the browser's back-forward cache: buying is possible again. */
  private readonly _onPageShow = (): void => {
    this._busy = false
    this._message = ''
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-buy-credits': AppBuyCredits
  }
}
