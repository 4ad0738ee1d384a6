import { css, html, LitElement } from 'lit'
import { customElement } from 'lit/decorators.js'
import { DeferredQueryController } from '../controllers/deferred-query-controller.ts'
import { loadHistoryReads } from '../data/history-reads.ts'

const count = (n: number): string => n.toLocaleString('en')

/**
 * "Syncing 2,000 of 10,000 generations…" while a new device (or one long offline) catches up,
 * with a bar beside it. The status region stays in the page when idle, so screen readers announce
 * the first progress too; the bar is decoration, the words are what they read.
 *
 * @cssproperty --history-sync-status-gap - Space under the status. Defaults to the page's space-5.
 */
@customElement('history-sync-status')
export class HistorySyncStatus extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .syncing {
      display: grid;
      gap: var(--app-space-2);
      max-width: 40rem;
      margin-bottom: var(--history-sync-status-gap, var(--app-space-5));
      color: var(--app-color-text-muted);
      font-size: var(--app-font-size-sm);
    }
    p {
      margin: 0;
    }
    progress {
      width: 100%;
      height: 4px;
      accent-color: var(--app-color-primary);
    }
  `

  /** Loaded after a paint: the status never holds up History's first cards. */
  private readonly _progress = new DeferredQueryController(this, loadHistoryReads(true), (reads) =>
    reads.readSyncProgress()
  )

  override render() {
    const progress = this._progress.value
    return html`<div role="status" class=${progress ? 'syncing' : ''}>
      ${
        progress
          ? html`<p>Syncing ${count(progress.done)} of ${count(progress.total)} generations…</p>
            <progress aria-hidden="true" value=${progress.done} max=${progress.total}></progress>`
          : ''
      }
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'history-sync-status': HistorySyncStatus
  }
}
