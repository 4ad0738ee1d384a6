import { css, html, LitElement } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import '../components/history-filters.ts'
import '../components/history-grid.ts'
import '../components/history-sync-status.ts'
import { DeferredQueryController } from '../controllers/deferred-query-controller.ts'
import { OnlineController } from '../controllers/online-controller.ts'
import { QueryStatus } from '../controllers/query-status.ts'
import type { HistoryView } from '../data/history.ts'
import { ALL_HISTORY, type HistoryFilter } from '../data/history-item.ts'
import { loadHistoryReads } from '../data/history-reads.ts'
import { takeHistoryStart } from '../data/history-start.ts'
import type { AppHistoryActionEvent, AppHistoryFilterEvent } from '../events.ts'
import { buttonBase, focusRing, pageStyles, visuallyHidden } from '../styles/shared.ts'

const isFiltered = (filter: HistoryFilter): boolean =>
  filter.workflow !== 'all' || filter.state !== 'all'

/** `/history`: every generation and every request on the device, filtered, newest first. */
@customElement('page-history')
export class PageHistory extends LitElement {
  static override styles = [
    pageStyles,
    buttonBase,
    focusRing,
    visuallyHidden,
    css`
      history-filters {
        margin-bottom: var(--app-space-5);
      }
      .skeleton {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
        gap: var(--app-space-3);
      }
      .skeleton div {
        aspect-ratio: 3 / 4;
        border-radius: var(--app-radius-md);
        background: var(--app-color-surface-2);
      }
      .empty {
        padding: var(--app-space-6) var(--app-space-4);
        border: 1px dashed var(--app-color-border);
        border-radius: var(--app-radius-lg);
        text-align: center;
      }
      .empty p {
        margin-inline: auto;
      }
      .empty .actions {
        justify-content: center;
      }
    `,
  ]

  @state() private _filter: HistoryFilter = ALL_HISTORY

  /** The first cards, read with the app's start (app-root's guard), drawn on the first render. */
  private readonly _start = takeHistoryStart()
  /** Queries that follow the local data; with a start, they (and Dexie) load after it has painted. */
  private readonly _reads = loadHistoryReads(this._start !== undefined)
  /** Every id and the first cards, read together (History's own query, once it has loaded). */
  private readonly _view = new DeferredQueryController(
    this,
    this._reads,
    (reads) => reads.historyView(this._filter),
    this._start && { value: this._start }
  )
  private readonly _syncError = new DeferredQueryController(this, this._reads, (reads) =>
    reads.readMeta('lastSyncError')
  )
  /** Undefined until this device's first pull: until then, no card does not mean no history. */
  private readonly _lastSyncAt = new DeferredQueryController(
    this,
    this._reads,
    (reads) => reads.readMeta('lastSyncAt'),
    this._start && { value: this._start.lastSyncAt }
  )
  private readonly _online = new OnlineController(this, { failedRequests: true })

  override render() {
    const view = this._view.value
    const ids = view?.ids
    // The start's first ids may stand for a longer list: its count waits for History's query.
    const counted = !this._start || view !== this._start || this._start.complete
    const loading = this._view.status === QueryStatus.PENDING
    return html`
      <h1>History</h1>
      ${
        this._online.online && this._syncError.value
          ? html`<div class="notice" role="status"><p>Couldn't refresh. Showing what's on this device.</p></div>`
          : ''
      }
      <history-sync-status></history-sync-status>
      <history-filters .filter=${this._filter} @app-history-filter=${this._onFilter}></history-filters>
      <p class="visually-hidden" role="status">${ids && counted && !loading ? this._count(ids.length) : ''}</p>
      ${loading || !view ? this._skeleton() : this._list(view)}
    `
  }

  private _skeleton() {
    return html`<div class="skeleton" aria-hidden="true">
      ${Array.from({ length: 6 }, () => html`<div></div>`)}
    </div>`
  }

  private _list({ ids, items }: HistoryView) {
    if (ids.length > 0) {
      return html`<history-grid
        .ids=${ids}
        .initialItems=${items}
        @app-history-action=${this._onCardAction}
      ></history-grid>`
    }
    if (this._lastSyncAt.status === QueryStatus.PENDING) return this._skeleton()
    if (this._lastSyncAt.status === QueryStatus.READY && !this._lastSyncAt.value) {
      return html`<div class="empty" role="status">
          <p>
            ${
              this._online.online
                ? 'Getting your history…'
                : 'Your history shows here once this device is back online.'
            }
          </p>
        </div>
        ${this._skeleton()}`
    }
    if (isFiltered(this._filter)) {
      return html`<div class="empty">
        <p>Nothing matches these filters.</p>
        <div class="actions">
          <button class="button button--secondary" type="button" @click=${this._onClear}>
            Clear filters
          </button>
        </div>
      </div>`
    }
    return html`<div class="empty">
      <p>No generations yet. Create your first one in Product Shoot or Ad Graphic.</p>
      <div class="actions">
        <a class="button button--primary" href="/studio/product-shoot">Product Shoot</a>
        <a class="button button--secondary" href="/studio/ad-graphic">Ad Graphic</a>
      </div>
    </div>`
  }

  private _count(n: number): string {
    return `${n} ${n === 1 ? 'generation' : 'generations'}`
  }

  private _setFilter(filter: HistoryFilter): void {
    this._filter = filter
    this._view.setQuery((reads) => reads.historyView(filter))
  }

  private _onFilter(event: AppHistoryFilterEvent): void {
    this._setFilter(event.detail.filter)
  }

  /**
   * A card refused for lack of credits asked to be sent again. The outbox (and the sync engine it
   * wakes) loads on this use, so History's first card never waits for it.
   */
  private async _onCardAction(event: AppHistoryActionEvent): Promise<void> {
    const { action, id } = event.detail
    if (action !== 'resend' || !id) return
    const { resendEntry } = await import('../data/outbox.ts')
    await resendEntry(id)
  }

  private _onClear(): void {
    this._setFilter(ALL_HISTORY)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-history': PageHistory
  }
}
