import type { Balances } from '@app/shared-types'
import { css, html, LitElement, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { WORKFLOWS, type Workflow } from '../workflows.ts'
import './app-buy-credits.ts'
import './app-credit-history.ts'
import { profileSectionStyles } from '../styles/profile.styles.ts'

/**
 * The profile's credits: one card per workflow with its balance ("as of" a time when offline, and
 * the paused notice at 0), the packs on sale per workflow, then the credit history.
 */
@customElement('app-profile-credits')
export class AppProfileCredits extends LitElement {
  static override styles = [
    profileSectionStyles,
    css`
      .cards {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
        gap: var(--app-space-3);
        margin-bottom: var(--app-space-4);
      }
      .card {
        padding: var(--app-space-3);
        border-radius: var(--app-radius-md);
        background: var(--app-color-surface-2);
      }
      .balance {
        display: block;
        font-size: var(--app-font-size-2xl);
        font-weight: var(--app-font-weight-bold);
      }
      h3 {
        margin: 0 0 var(--app-space-2);
        font-size: var(--app-font-size-md);
      }
    `,
  ]

  /** The last known balances. */
  @property({ attribute: false }) balances: Balances = { 'product-shoot': 0, 'ad-graphic': 0 }
  /** When set, the time the balances are from, shown as "(as of …)" (offline). */
  @property() asOf = ''
  /** Whether the device is online; the history is only on the server. */
  @property({ type: Boolean }) online = true

  override render() {
    return html`<div class="cards">
        ${(Object.keys(WORKFLOWS) as Workflow[]).map((workflow) => {
          const balance = this.balances[workflow] ?? 0
          return html`<div class="card">
            <span>${WORKFLOWS[workflow].name}</span>
            <span class="balance">${balance}</span>
            <span class="muted">${balance === 1 ? 'credit' : 'credits'}${this.asOf ? ` (as of ${this.asOf})` : ''}</span>
            ${balance === 0 ? html`<p class="muted">Generating is paused until credits are added.</p>` : nothing}
          </div>`
        })}
      </div>
      <h3>Buy credits</h3>
      ${(Object.keys(WORKFLOWS) as Workflow[]).map(
        (workflow) =>
          html`<app-buy-credits .workflow=${workflow} .online=${this.online}></app-buy-credits>`
      )}
      <h3>Credit history</h3>
      <app-credit-history .online=${this.online}></app-credit-history>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-profile-credits': AppProfileCredits
  }
}
