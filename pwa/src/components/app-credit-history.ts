import type { LedgerEntry, LedgerReason } from '@app/shared-types'
import { html, LitElement, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { loadLedgerPage } from '../data/account.ts'
import { formatDateTime } from '../format.ts'
import { profileSectionStyles } from '../styles/profile.styles.ts'
import { buttonBase, focusRing } from '../styles/shared.ts'
import { WORKFLOWS } from '../workflows.ts'

const REASONS: Record<LedgerReason, string> = {
  welcome: 'Welcome credit',
  generation: 'Generation',
  refund: 'Refund',
  grant: 'Added by support',
  purchase: 'Purchase',
  reversal: 'Taken back after a refund',
  adjustment: 'Corrected by support',
}

const amount = (delta: number): string => (delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`)

/**
 * The credit history, newest first, read from the server page by page with "Load more". It is
 * not kept on the device, so offline it says it needs a connection.
 */
@customElement('app-credit-history')
export class AppCreditHistory extends LitElement {
  static override styles = [profileSectionStyles, buttonBase, focusRing]

  /** Whether the device is online; the history is only on the server. */
  @property({ type: Boolean }) online = true

  @state() private _items: LedgerEntry[] = []
  @state() private _next: string | null = null
  @state() private _status: 'idle' | 'loading' | 'ready' | 'error' = 'idle'

  override willUpdate(): void {
    if (this.online && this._status === 'idle') void this._load()
  }

  override render() {
    return html`${this._renderList()}
      ${this._status === 'error' ? html`<p role="alert">Couldn't load your credit history.</p>` : nothing}
      ${!this.online && this._status !== 'ready' ? html`<p class="needs-connection">Needs a connection</p>` : nothing}
      ${
        this._next || this._status === 'error'
          ? html`<button class="button button--secondary" type="button"
              ?disabled=${!this.online || this._status === 'loading'} @click=${this._load}>
              ${this._status === 'error' ? 'Retry' : 'Load more'}
            </button>`
          : nothing
      }`
  }

  private _renderList() {
    if (this._status === 'ready' && this._items.length === 0) {
      return html`<p class="muted">No credit activity yet.</p>`
    }
    return html`<ul aria-busy=${this._status === 'loading' ? 'true' : 'false'}>
      ${this._items.map(
        (item) => html`<li class="row">
          <span>
            <strong>${REASONS[item.reason]}</strong>
            <span class="muted">· ${WORKFLOWS[item.workflow].name} · ${formatDateTime(item.createdAt)}</span>
          </span>
          <strong>${amount(item.delta)}</strong>
        </li>`
      )}
    </ul>`
  }

  private async _load(): Promise<void> {
    const cursor = this._next
    this._status = 'loading'
    try {
      const page = await loadLedgerPage(cursor)
      this._items = [...this._items, ...page.items]
      this._next = page.nextCursor
      this._status = 'ready'
    } catch {
      this._status = 'error'
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-credit-history': AppCreditHistory
  }
}
