import { css, html, LitElement, nothing, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { HistoryItem } from '../data/history-item.ts'
import { credits, creditsReturned, formatDateTime, formatSize } from '../format.ts'

interface Facts {
  readonly prompt: string
  readonly negativePrompt?: string | undefined
  readonly size?: string | undefined
  readonly n: number
  readonly seed?: number | undefined
  readonly promptExtend: boolean
}

const factsOf = (item: HistoryItem): Facts => {
  if (item.kind === 'synced') return item.generation.params
  const request = item.entry.request
  return {
    prompt: request?.prompt ?? '',
    negativePrompt: request?.negativePrompt,
    size: request?.size,
    n: request?.n ?? 1,
    seed: request?.seed,
    promptExtend: request?.promptExtend ?? true,
  }
}

/**
 * What a generation was made from and with: reference photos, prompt or shoot direction, negative
 * prompt, then model, size, seed, times and credits (server generations only).
 */
@customElement('history-facts')
export class HistoryFacts extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: var(--app-space-5);
    }
    h2 {
      margin: 0 0 var(--app-space-3);
      font-size: var(--app-font-size-lg);
    }
    dl {
      display: grid;
      grid-template-columns: minmax(7rem, max-content) 1fr;
      gap: var(--app-space-2) var(--app-space-4);
      margin: 0;
    }
    dt {
      color: var(--app-color-text-muted);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
      white-space: pre-wrap;
    }
    .photos {
      display: flex;
      flex-wrap: wrap;
      gap: var(--app-space-2);
      margin-bottom: var(--app-space-3);
    }
    .photos img {
      width: 5rem;
      height: 5rem;
      object-fit: cover;
      border-radius: var(--app-radius-sm);
      background: var(--app-color-surface-2);
    }
  `

  /** The generation or device request to describe. */
  @property({ attribute: false }) item: HistoryItem | undefined

  @state() private _localPhotos: readonly string[] = []

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this._revokePhotos()
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('item')) return
    const previous = changed.get('item')
    const references = this.item?.kind === 'local' ? this.item.entry.references : []
    const before = previous?.kind === 'local' ? previous.entry.references : []
    if (references === before) return
    this._revokePhotos()
    // A device request keeps its photos as blobs; they need object URLs while shown.
    this._localPhotos = references.map((blob) => URL.createObjectURL(blob))
  }

  override render() {
    const item = this.item
    if (!item) return nothing
    const facts = factsOf(item)
    const workflow = item.kind === 'synced' ? item.generation.workflow : item.entry.workflow
    const photos =
      item.kind === 'synced' ? item.generation.references.map((r) => r.url) : this._localPhotos
    return html`<section aria-labelledby="inputs">
        <h2 id="inputs">Inputs used</h2>
        ${
          photos.length > 0
            ? html`<div class="photos">
              ${photos.map((src, i) => html`<img src=${src} alt=${`Reference photo ${i + 1}`} />`)}
            </div>`
            : nothing
        }
        <dl>
          <dt>${workflow === 'product-shoot' ? 'Shoot direction' : 'Prompt'}</dt>
          <dd>${facts.prompt}</dd>
          <dt>Negative prompt</dt>
          <dd>${facts.negativePrompt || 'None'}</dd>
        </dl>
      </section>
      <section aria-labelledby="details">
        <h2 id="details">Details</h2>
        <dl>
          ${item.kind === 'synced' ? html`<dt>Model</dt><dd>${item.generation.model}</dd>` : nothing}
          <dt>Size</dt>
          <dd>${facts.size ? formatSize(facts.size) : 'Match last photo'}</dd>
          <dt>Images</dt>
          <dd>${facts.n}</dd>
          <dt>Seed</dt>
          <dd>${facts.seed ?? 'Random'}</dd>
          <dt>Auto-enhance prompt</dt>
          <dd>${facts.promptExtend ? 'On' : 'Off'}</dd>
          ${this._times(item)} ${this._credits(item)}
        </dl>
      </section>`
  }

  private _times(item: HistoryItem) {
    if (item.kind === 'local') {
      return html`<dt>Created</dt><dd>${formatDateTime(item.entry.createdAt)}</dd>`
    }
    const { createdAt, startedAt, finishedAt } = item.generation
    return html`<dt>Created</dt><dd>${formatDateTime(createdAt)}</dd>
      ${startedAt ? html`<dt>Started</dt><dd>${formatDateTime(startedAt)}</dd>` : nothing}
      ${finishedAt ? html`<dt>Finished</dt><dd>${formatDateTime(finishedAt)}</dd>` : nothing}`
  }

  private _credits(item: HistoryItem) {
    if (item.kind === 'local') return nothing
    const { cost, refunded } = item.generation
    return html`<dt>Credits</dt>
      <dd>${credits(cost)} spent.${refunded > 0 ? ` ${creditsReturned(refunded)}` : ''}</dd>`
  }

  private _revokePhotos(): void {
    for (const url of this._localPhotos) URL.revokeObjectURL(url)
    this._localPhotos = []
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'history-facts': HistoryFacts
  }
}
