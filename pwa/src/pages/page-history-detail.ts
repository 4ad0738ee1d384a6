import { css, html, LitElement, nothing, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { confirmDialog } from '../components/app-dialog.ts'
import '../components/history-actions.ts'
import '../components/history-facts.ts'
import '../components/history-images.ts'
import type { DetailImage } from '../components/history-images.ts'
import { creditsReturned, itemLabel, stateTone } from '../format.ts'
import '../components/history-progress.ts'
import { LiveQueryController, QueryStatus } from '../controllers/live-query-controller.ts'
import { OnlineController } from '../controllers/online-controller.ts'
import { ApiClientError } from '../data/api.ts'
import { errorText, generationFailureText, outboxErrorText } from '../data/error-text.ts'
import { historyItem } from '../data/history.ts'
import { type HistoryItem, itemState, refusedForCredits } from '../data/history-item.ts'
import { isImageCached } from '../data/image-cache.ts'
import { canShareImages, downloadImage, shareImage } from '../data/images.ts'
import { cancelGeneration, deleteGeneration, discardEntry, resendEntry } from '../data/outbox.ts'
import type { AppHistoryActionEvent, AppImageActionEvent } from '../events.ts'
import { navigate } from '../navigation.ts'
import { buttonBase, focusRing, pageStyles } from '../styles/shared.ts'
import { WORKFLOWS } from '../workflows.ts'

/** `/history/:id`: one generation or device request with its images, inputs and actions. */
@customElement('page-history-detail')
export class PageHistoryDetail extends LitElement {
  static override styles = [
    pageStyles,
    buttonBase,
    focusRing,
    css`
      .status {
        margin-bottom: var(--app-space-5);
      }
      .state {
        font-weight: var(--app-font-weight-bold);
      }
      .state--ready {
        color: var(--app-color-success);
      }
      .state--problem {
        color: var(--app-color-danger);
      }
      .state--progress {
        color: var(--app-color-warning);
      }
      .badge {
        display: inline-block;
        margin-left: var(--app-space-2);
        padding: 0 var(--app-space-2);
        border-radius: var(--app-radius-pill);
        background: var(--app-color-surface-2);
        color: var(--app-color-text);
        font-size: var(--app-font-size-sm);
      }
      history-progress {
        max-width: 20rem;
        margin-bottom: var(--app-space-3);
        border-radius: var(--app-radius-pill);
      }
      history-actions {
        margin-bottom: var(--app-space-6);
      }
      .layout {
        display: grid;
        gap: var(--app-space-6);
      }
      @media (min-width: 56rem) {
        .layout {
          grid-template-columns: 3fr 2fr;
          align-items: start;
        }
      }
      .skeleton div {
        height: 1rem;
        margin-bottom: var(--app-space-3);
        border-radius: var(--app-radius-sm);
        background: var(--app-color-surface-2);
      }
      .skeleton .short {
        width: 40%;
      }
      .skeleton .medium {
        width: 70%;
      }
      .skeleton .image {
        height: auto;
        aspect-ratio: 1;
        max-width: 32rem;
      }
    `,
  ]

  /** Id of the generation (or device request), from the path. */
  @property() generationId = ''

  @state() private _cached: ReadonlySet<string> = new Set()
  @state() private _message = ''

  private readonly _item = new LiveQueryController(this, () => historyItem(this.generationId))
  private readonly _online = new OnlineController(this)
  private _busy = false

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('generationId')) {
      const id = this.generationId
      this._item.setQuery(() => historyItem(id))
    }
  }

  protected override updated(): void {
    void this._checkCache()
  }

  override render() {
    const item = this._item.value
    if (this._item.status === QueryStatus.PENDING) return this._skeleton()
    if (!item) {
      return html`<h1>Generation details</h1>
        <p>This generation doesn't exist or was deleted.</p>
        <p><a class="button button--secondary" href="/history">Back to History</a></p>`
    }
    const state = itemState(item)
    const source = item.kind === 'synced' ? item.generation : item.entry
    return html`<h1>${WORKFLOWS[source.workflow].name}</h1>
      <div class="status" role="status">
        ${state === 'running' ? html`<history-progress></history-progress>` : nothing}
        <p>
          <span class="state state--${stateTone(state)}">${itemLabel(item, state)}</span>
          ${
            item.kind === 'synced' && item.generation.simulated
              ? html`<span class="badge">Simulated</span>`
              : nothing
          }
        </p>
        ${this._reason(item)}
        ${this._message ? html`<p>${this._message}</p>` : nothing}
      </div>
      <history-actions
        .state=${state}
        returnPath="/history/${item.id}"
        .outOfCredits=${refusedForCredits(item)}
        @app-history-action=${this._onAction}
      ></history-actions>
      <div class="layout">
        ${
          item.kind === 'synced' && item.generation.images.length > 0
            ? html`<history-images
              .images=${this._images(item)}
              .canShare=${canShareImages()}
              alt=${item.generation.params.prompt}
              @app-image-action=${this._onImageAction}
            ></history-images>`
            : nothing
        }
        <history-facts .item=${item}></history-facts>
      </div>`
  }

  private _skeleton() {
    return html`<h1>Generation details</h1>
      <div class="skeleton" aria-hidden="true">
        <div class="short"></div>
        <div class="image"></div>
        <div></div>
        <div class="medium"></div>
      </div>`
  }

  /** Why it failed or is waiting, beyond the state label. */
  private _reason(item: HistoryItem) {
    if (item.kind === 'synced') {
      const { error, status, refunded } = item.generation
      if (status === 'failed' && error) return html`<p>${generationFailureText[error.code]}</p>`
      // A partial result's label already says how many credits came back.
      if (status === 'canceled' && refunded > 0) return html`<p>${creditsReturned(refunded)}</p>`
      return nothing
    }
    const { lastError, state, workflow } = item.entry
    if (!lastError || state === 'rejected') return nothing
    return html`<p>${outboxErrorText(lastError, workflow)}</p>`
  }

  private _images(item: HistoryItem & { kind: 'synced' }): DetailImage[] {
    return item.generation.images.map((image) => ({
      index: image.index,
      url: image.url,
      width: image.width,
      height: image.height,
      available: this._online.online || this._cached.has(image.url),
    }))
  }

  /** Offline, finds out which images the service worker has cached. */
  private async _checkCache(): Promise<void> {
    const item = this._item.value
    if (this._online.online || item?.kind !== 'synced') return
    const urls = item.generation.images.map((image) => image.url)
    const cached = new Set<string>()
    for (const url of urls) if (await isImageCached(url)) cached.add(url)
    const same = cached.size === this._cached.size && [...cached].every((u) => this._cached.has(u))
    if (!same) this._cached = cached
  }

  private async _onAction(event: AppHistoryActionEvent): Promise<void> {
    const item = this._item.value
    if (!item || this._busy) return
    const workflow = item.kind === 'synced' ? item.generation.workflow : item.entry.workflow
    const studio = WORKFLOWS[workflow].path
    this._busy = true
    try {
      switch (event.detail.action) {
        case 'again':
          navigate(this, `${studio}?from=${item.id}`)
          return
        case 'edit':
          navigate(this, `${studio}?${item.kind === 'local' ? 'edit' : 'from'}=${item.id}`)
          return
        case 'cancel':
          if (item.kind === 'synced' && !(await this._confirmCancel())) return
          await cancelGeneration(item.id)
          return
        case 'resend':
          await resendEntry(item.id)
          return
        case 'discard':
          await discardEntry(item.id)
          navigate(this, '/history', { replace: true })
          return
        case 'delete':
          if (item.kind === 'synced' && !(await this._confirmDelete())) return
          await deleteGeneration(item.id)
          navigate(this, '/history', { replace: true })
          return
      }
    } finally {
      this._busy = false
    }
  }

  private _confirmCancel(): Promise<boolean> {
    return confirmDialog({
      title: 'Cancel this request?',
      body: 'Your credits will be returned.',
      confirmLabel: 'Cancel request',
      cancelLabel: 'Keep it',
    })
  }

  private _confirmDelete(): Promise<boolean> {
    return confirmDialog({
      title: 'Delete this generation?',
      body: 'Its images are removed from your account and this device. Credits are not returned.',
      confirmLabel: 'Delete',
      danger: true,
    })
  }

  private async _onImageAction(event: AppImageActionEvent): Promise<void> {
    const item = this._item.value
    if (item?.kind !== 'synced') return
    const { index, action } = event.detail
    this._message = ''
    try {
      if (action === 'download') await downloadImage(item.id, index)
      else await shareImage(item.id, index, item.generation.params.prompt)
    } catch (error) {
      this._message = error instanceof ApiClientError ? errorText[error.code] : errorText.INTERNAL
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-history-detail': PageHistoryDetail
  }
}
