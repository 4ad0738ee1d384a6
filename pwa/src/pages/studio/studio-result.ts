import type { Generation, Workflow } from '@app/shared-types'
import { html, LitElement, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { LiveQueryController, QueryStatus } from '../../controllers/live-query-controller.ts'
import type { OutboxEntry } from '../../data/db.ts'
import { generationFailureText, outboxErrorText } from '../../data/error-text.ts'
import { historyItem } from '../../data/history.ts'
import { type HistoryItem, itemState } from '../../data/history-item.ts'
import { canShareImages, downloadImage, shareImage } from '../../data/images.ts'
import { emit } from '../../events.ts'
import {
  credits,
  creditsReturned,
  formatDateTime,
  formatSize,
  readyLabel,
  STATE_LABELS,
} from '../../format.ts'
import { buttonBase, focusRing, visuallyHidden } from '../../styles/shared.ts'
import { studioResultStyles } from './studio-result.styles.ts'

/** The running-too-long note (docs/product.md §8). */
const STILL_WORKING = 'Still working. You can leave this page; the result will appear in History.'
/** How long in `running` before the note shows. */
const STILL_WORKING_AFTER_MS = 90_000

/**
 * The result of one request, live from the device's copy: its state (docs/product.md §8), then the
 * images with Download and Share, the details and the inputs used.
 *
 * @fires app-studio-result-action - "Generate again", "Edit" or "New".
 */
@customElement('studio-result')
export class StudioResult extends LitElement {
  static override styles = [focusRing, buttonBase, visuallyHidden, studioResultStyles]

  /** The request's id (the generation id). */
  @property() generationId = ''
  /** The workflow it belongs to, for the credit wording. */
  @property() workflow: Workflow = 'product-shoot'
  /** Credits a new request with these inputs would cost. */
  @property({ type: Number }) cost = 1
  /** Whether "Generate again" may be used now (credits left, not pending). */
  @property({ type: Boolean }) canGenerate = true

  @state() private _now = Date.now()
  @state() private _full: number | null = null
  @state() private _refUrls: string[] = []
  @state() private _actionError = ''

  private readonly _item = new LiveQueryController<HistoryItem | undefined>(this, () =>
    historyItem(this.generationId)
  )
  private _clock: ReturnType<typeof setInterval> | undefined
  private _refBlobs: readonly Blob[] = []

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('generationId')) this._item.setQuery(() => historyItem(this.generationId))
    const entry = this._item.value?.kind === 'local' ? this._item.value.entry : undefined
    const blobs = entry?.references ?? []
    if (blobs !== this._refBlobs) {
      for (const url of this._refUrls) URL.revokeObjectURL(url)
      this._refBlobs = blobs
      this._refUrls = blobs.map((blob) => URL.createObjectURL(blob))
    }
  }

  override updated(): void {
    // Ticks only while running, to notice 90 s; the state itself comes through the live query.
    const item = this._item.value
    const running = item?.kind === 'synced' && item.generation.status === 'running'
    if (running && this._clock === undefined) {
      this._clock = setInterval(() => {
        this._now = Date.now()
      }, 5000)
    } else if (!running && this._clock !== undefined) {
      clearInterval(this._clock)
      this._clock = undefined
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    clearInterval(this._clock)
    this._clock = undefined
    for (const url of this._refUrls) URL.revokeObjectURL(url)
    this._refUrls = []
    this._refBlobs = []
  }

  override render() {
    const item = this._item.value
    if (this._item.status === QueryStatus.PENDING) {
      return html`<h2>Your request</h2><p class="state">Loading…</p>`
    }
    if (!item) {
      return html`<h2>Your request</h2>
        <p class="state">This request is no longer on this device.</p>${this._renderActions(false)}`
    }
    return html`<h2>Your request</h2>
      <div role="status" aria-live="polite">${this._renderState(item)}</div>
      ${item.kind === 'synced' && item.generation.status === 'succeeded' ? this._renderImages(item.generation) : ''}
      <p class="problem" role="alert">${this._actionError}</p>
      ${this._renderDetails(item)} ${this._renderActions(true)} ${this._renderFull(item)}`
  }

  private _renderState(item: HistoryItem) {
    const state = itemState(item)
    if (item.kind === 'local') {
      const error = item.entry.lastError
      if (state === 'rejected' && error) {
        return html`<p class="state problem">${outboxErrorText(error, this.workflow)}</p>`
      }
      return html`<p class="state">${STATE_LABELS[state]}</p>
        ${error ? html`<p>${outboxErrorText(error, this.workflow)}</p>` : ''}`
    }
    const g = item.generation
    const refund = g.refunded > 0 ? html`<p>${creditsReturned(g.refunded)}</p>` : ''
    switch (g.status) {
      case 'running': {
        const started = Date.parse(g.startedAt ?? g.createdAt)
        return html`<p class="state">${STATE_LABELS.running}</p>
          <progress aria-label="Generating"></progress>
          ${this._now - started >= STILL_WORKING_AFTER_MS ? html`<p>${STILL_WORKING}</p>` : ''}`
      }
      case 'succeeded':
        return html`<p class="state">
            ${readyLabel(g.images.length, g.params.n, g.refunded)}${g.simulated ? html`<span class="badge">Simulated</span>` : ''}
          </p>`
      case 'failed':
        return html`<p class="state problem">${STATE_LABELS.failed}</p>
          <p>${g.error ? generationFailureText[g.error.code] : generationFailureText.INTERNAL}</p>${refund}`
      default:
        return html`<p class="state">${STATE_LABELS[g.status]}</p>${refund}`
    }
  }

  private _renderImages(g: Generation) {
    const share = canShareImages()
    return html`<ul class="images">
      ${g.images.map(
        (image, i) => html`<li class="image">
          <button class="open" type="button" aria-label="Show image ${i + 1} full screen" @click=${() => this._onOpen(i)}>
            <img src=${image.url} width=${image.width} height=${image.height} alt="Generated image ${i + 1}" />
          </button>
          <div class="image-actions">
            <button class="button button--secondary" type="button" aria-label="Download image ${i + 1}"
              @click=${() => this._onDownload(g, i)}>Download</button>
            ${
              share
                ? html`<button class="button button--secondary" type="button" aria-label="Share image ${i + 1}"
                  @click=${() => this._onShare(g, i)}>Share</button>`
                : ''
            }
          </div>
        </li>`
      )}
    </ul>`
  }

  private _renderDetails(item: HistoryItem) {
    const params = item.kind === 'synced' ? item.generation.params : this._entryParams(item.entry)
    const refs =
      item.kind === 'synced' ? item.generation.references.map((ref) => ref.url) : this._refUrls
    return html`<h3>Details</h3>
      <dl>
        ${item.kind === 'synced' ? html`<dt>Model</dt><dd>${item.generation.model}</dd>` : ''}
        <dt>Size</dt><dd>${params.size ? formatSize(params.size) : 'Match last photo'}</dd>
        <dt>Images</dt><dd>${params.n}</dd>
        ${params.seed !== undefined ? html`<dt>Seed</dt><dd>${params.seed}</dd>` : ''}
        <dt>Created</dt>
        <dd>${formatDateTime(item.kind === 'synced' ? item.generation.createdAt : item.entry.createdAt)}</dd>
      </dl>
      <h3>Inputs used</h3>
      ${
        refs.length > 0
          ? html`<ul class="refs">
            ${refs.map((url, i) => html`<li><img src=${url} alt="Image ${i + 1} you sent" /></li>`)}
          </ul>`
          : ''
      }
      <dl>
        <dt>${this.workflow === 'product-shoot' ? 'Shoot direction' : 'Prompt'}</dt>
        <dd>${params.prompt}</dd>
        <dt>Negative prompt</dt>
        <dd>${params.negativePrompt || 'None'}</dd>
      </dl>`
  }

  private _entryParams(entry: OutboxEntry) {
    const request = entry.request
    return {
      prompt: request?.prompt ?? '',
      negativePrompt: request?.negativePrompt,
      size: request?.size,
      n: request?.n ?? 1,
      seed: request?.seed,
    }
  }

  private _renderActions(again: boolean) {
    return html`<div class="actions">
      ${
        again
          ? html`<button class="button button--primary" type="button" ?disabled=${!this.canGenerate}
            @click=${() => this._onAction('again')}>Generate again · ${credits(this.cost)}</button>`
          : ''
      }
      <button class="button button--secondary" type="button" @click=${() => this._onAction('edit')}>Edit</button>
      <button class="button button--secondary" type="button" @click=${() => this._onAction('new')}>New</button>
    </div>`
  }

  private _renderFull(item: HistoryItem) {
    if (this._full === null || item.kind !== 'synced') return ''
    const image = item.generation.images[this._full]
    if (!image) return ''
    return html`<dialog aria-label="Image ${this._full + 1}" @close=${this._onCloseFull}>
      <img src=${image.url} alt="Generated image ${this._full + 1}" />
      <form method="dialog" class="actions"><button class="button button--secondary">Close</button></form>
    </dialog>`
  }

  private async _onOpen(index: number): Promise<void> {
    this._full = index
    await this.updateComplete
    this.renderRoot.querySelector('dialog')?.showModal()
  }

  private _onCloseFull(): void {
    this._full = null
  }

  private async _onDownload(g: Generation, index: number): Promise<void> {
    this._actionError = ''
    try {
      await downloadImage(g.id, index, g.images[index]?.contentType)
    } catch {
      this._actionError = "Couldn't get this image. Check your connection and try again."
    }
  }

  private async _onShare(g: Generation, index: number): Promise<void> {
    this._actionError = ''
    try {
      await shareImage(g.id, index, 'Addreams image')
    } catch {
      this._actionError = "Couldn't share this image. Try Download instead."
    }
  }

  private _onAction(action: 'again' | 'edit' | 'new'): void {
    emit(this, 'app-studio-result-action', { action })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'studio-result': StudioResult
  }
}
