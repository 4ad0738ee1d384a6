import type { LedgerEntry, LedgerPage, LedgerReason } from '@app/shared-types'
import { Task, TaskStatus } from '@lit/task'
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

  /** The next page: the first once the device is online, each later one on "Load more". */
  private readonly _page = new Task(this, {
    autoRun: false,
    task: (): Promise<LedgerPage> => loadLedgerPage(this._next),
    onComplete: (page) => {
      this._items = [...this._items, ...page.items]
      this._next = page.nextCursor
    },
  })

  override willUpdate(): void {
    if (this.online && this._page.status === TaskStatus.INITIAL) void this._page.run()
  }

  override render() {
    const failed = this._page.status === TaskStatus.ERROR
    return html`${this._page.render({
      initial: () => this._renderList(false),
      pending: () => this._renderList(true),
      complete: () =>
        this._items.length === 0
          ? html`<p class="muted">No credit activity yet.</p>`
          : this._renderList(false),
      error: () => html`${this._renderList(false)}
        <p role="alert">Couldn't load your credit history.</p>`,
    })}
      ${
        !this.online && this._page.status !== TaskStatus.COMPLETE
          ? html`<p class="needs-connection">Needs a connection</p>`
          : nothing
      }
      ${
        this._next || failed
          ? html`<button class="button button--secondary" type="button"
              ?disabled=${!this.online || this._page.status === TaskStatus.PENDING}
              @click=${() => this._page.run()}>
              ${failed ? 'Retry' : 'Load more'}
            </button>`
          : nothing
      }`
  }

  private _renderList(busy: boolean) {
    return html`<ul aria-busy=${busy ? 'true' : 'false'}>
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
}

declare global {
  interface HTMLElementTagNameMap {
    'app-credit-history': AppCreditHistory
  }
}
