import type { Purchase } from '@app/shared-types'
import { html, LitElement, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { LiveQueryController } from '../controllers/live-query-controller.ts'
import { loadProfile } from '../data/account.ts'
import type { ApiClientError } from '../data/api.ts'
import { readBalances } from '../data/balances.ts'
import { purchaseErrorText } from '../data/error-text.ts'
import { refusedForCreditsIds, resendRefusedForCredits } from '../data/outbox.ts'
import { PURCHASE_POLL_LIMIT, readPurchase, watchPurchase } from '../data/purchases.ts'
import { credits } from '../format.ts'
import { buttonBase, focusRing, pageStyles } from '../styles/shared.ts'
import { WORKFLOWS } from '../workflows.ts'

/**
 * `/credits/return?purchase=<id>[&canceled=1]` (docs/product.md §9.8), where the checkout page
 * sends the browser back. It reads the purchase until it is settled: "Payment received — adding
 * your credits…" while pending, then the new balance and "Send again" for the requests refused
 * for lack of these credits; a canceled or expired checkout took no payment. Every change is
 * announced in one polite status region.
 */
@customElement('page-credits-return')
export class PageCreditsReturn extends LitElement {
  static override styles = [pageStyles, buttonBase, focusRing]

  @state() private _purchase: Purchase | undefined
  @state() private _reads = 0
  @state() private _error: ApiClientError | undefined
  /** When this page saw the purchase completed: balances older than that are not the new one. */
  @state() private _completedAt: string | undefined

  private readonly _query = new URLSearchParams(window.location.search)
  private readonly _id = this._query.get('purchase') ?? ''
  private readonly _canceled = this._query.get('canceled') === '1'
  private readonly _balances = new LiveQueryController(this, readBalances)
  private readonly _refused = new LiveQueryController(this, () =>
    this._purchase ? refusedForCreditsIds(this._purchase.workflow) : []
  )
  private _watch: AbortController | undefined

  override connectedCallback(): void {
    super.connectedCallback()
    if (!this._id) return
    this._watch = new AbortController()
    if (this._canceled) void this._readOnce()
    else void watchPurchase(this._id, this._onWatch, this._watch.signal)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this._watch?.abort()
  }

  override render() {
    return html`<h1>Buying credits</h1>
      <div role="status" aria-live="polite">${this._message()}</div>
      ${this._links()}`
  }

  private _message() {
    const purchase = this._purchase
    if (!this._id) {
      return html`<p>This link doesn't name a purchase. Nothing was bought through it.</p>`
    }
    if (this._canceled || purchase?.status === 'expired') {
      return html`<p><strong>No payment was taken.</strong> You can choose a pack again at any time.</p>`
    }
    if (purchase?.status === 'completed') return this._completed(purchase)
    if (purchase?.status === 'reversed') {
      return html`<p>This payment was refunded, and its credits were taken back.</p>`
    }
    if (this._error && !this._error.retryable) {
      return this._error.code === 'NOT_FOUND'
        ? html`<p><strong>We couldn't find this purchase.</strong> If you paid, your credits will
            appear on your Profile once the payment is confirmed.</p>`
        : html`<p>${purchaseErrorText(this._error)}</p>`
    }
    const late = this._reads >= PURCHASE_POLL_LIMIT
    return html`<p><strong>Payment received — adding your credits…</strong></p>
      ${
        late
          ? html`<p>This is taking longer than usual. Your credits will appear on your Profile as soon
              as the payment is confirmed.</p>`
          : html`<progress aria-label="Adding your credits"></progress>`
      }
      ${this._error ? html`<p>${purchaseErrorText(this._error)}</p>` : nothing}`
  }

  private _completed(purchase: Purchase) {
    const known = this._balances.value
    const fresh = known && this._completedAt && known.at >= this._completedAt
    const noun = WORKFLOWS[purchase.workflow].name
    const refused = this._refused.value?.length ?? 0
    return html`<p><strong>${credits(purchase.credits)} added to ${noun}.</strong></p>
      ${fresh ? html`<p>You now have ${credits(known.balances[purchase.workflow])}.</p>` : nothing}
      ${
        refused > 0
          ? html`<p>
                ${refused === 1 ? 'A request was' : `${refused} requests were`} refused for lack
                of these credits.
              </p>
              <button class="button button--primary" type="button" @click=${this._onResend}>
                Send again
              </button>`
          : nothing
      }`
  }

  private _links() {
    const workflow = this._purchase?.workflow
    const studio = workflow ? WORKFLOWS[workflow] : undefined
    const settled = this._purchase !== undefined && this._purchase.status !== 'pending'
    const waiting = this._id && !this._canceled && !this._error && this._reads < PURCHASE_POLL_LIMIT
    if (!settled && waiting) return nothing
    return html`<p>
      ${
        studio
          ? html`<a class="button button--primary" href=${studio.path}>Back to ${studio.name}</a>`
          : nothing
      }
      <a class="button button--secondary" href="/history">History</a>
      <a class="button button--secondary" href="/profile">Profile</a>
    </p>`
  }

  private _onResend(): void {
    if (this._purchase) void resendRefusedForCredits(this._purchase.workflow)
  }

  /** A canceled checkout only needs the purchase's workflow, for the way back. */
  private async _readOnce(): Promise<void> {
    try {
      this._purchase = await readPurchase(this._id)
    } catch {
      // The way back then goes to History and Profile only.
    }
  }

  private readonly _onWatch: Parameters<typeof watchPurchase>[1] = (watch) => {
    if (watch.kind === 'error') {
      this._error = watch.error
      return
    }
    this._error = undefined
    if (!this._purchase) this._refused.setQuery(() => refusedForCreditsIds(watch.purchase.workflow))
    this._purchase = watch.purchase
    this._reads = watch.reads
    if (watch.purchase.status !== 'completed') return
    this._completedAt = new Date().toISOString()
    // The sync brings the balance too; this is the quicker way to it.
    void loadProfile().catch(() => undefined)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-credits-return': PageCreditsReturn
  }
}
