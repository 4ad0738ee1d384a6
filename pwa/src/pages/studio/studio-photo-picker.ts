import { css, html, LitElement, type PropertyValues } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { emit } from '../../events.ts'
import { buttonBase, focusRing, visuallyHidden } from '../../styles/shared.ts'
import { fieldStyles } from '../../styles/studio.styles.ts'

/**
 * Product Shoot's photos: "Take photo" (camera), "Choose photos" (several at once), drag and drop
 * on desktop, and numbered thumbnails "Image 1…3" that can be moved and removed.
 *
 * @fires app-studio-photos - Files were picked or dropped; the page checks and prepares them.
 * @fires app-studio-photo-move - Move a photo one place.
 * @fires app-studio-photo-remove - Remove a photo (the page confirms first).
 */
@customElement('studio-photo-picker')
export class StudioPhotoPicker extends LitElement {
  static override styles = [
    focusRing,
    visuallyHidden,
    buttonBase,
    fieldStyles,
    css`
      .drop {
        display: grid;
        gap: var(--app-space-3);
        padding: var(--app-space-4);
        border: 2px dashed var(--app-color-border);
        border-radius: var(--app-radius-md);
        background: var(--app-color-surface);
      }
      .drop--over {
        border-color: var(--app-color-primary);
        background: var(--app-color-primary-soft);
      }
      .pickers {
        display: flex;
        flex-wrap: wrap;
        gap: var(--app-space-3);
      }
      .pickers label {
        font-weight: var(--app-font-weight-bold);
      }
      .pickers input:focus-visible + span {
        outline: var(--app-focus-ring);
        outline-offset: var(--app-focus-ring-offset);
      }
      ol {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
        gap: var(--app-space-3);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      figure {
        margin: 0;
        display: grid;
        gap: var(--app-space-2);
      }
      img {
        width: 100%;
        aspect-ratio: 1;
        object-fit: cover;
        border-radius: var(--app-radius-sm);
        background: var(--app-color-surface-2);
      }
      figcaption {
        font-weight: var(--app-font-weight-bold);
      }
      .thumb-actions {
        display: flex;
        gap: var(--app-space-1);
      }
      .thumb-actions .button {
        padding: 0 var(--app-space-2);
        font-size: var(--app-font-size-sm);
      }
      .thumb-actions svg {
        width: 1rem;
        height: 1rem;
        fill: none;
        stroke: currentColor;
        stroke-width: 2;
        stroke-linecap: round;
      }
    `,
  ]

  /** The draft's prepared photos, in send order. */
  @property({ attribute: false }) photos: readonly Blob[] = []
  /** Most photos allowed. */
  @property({ type: Number }) max = 3
  /** Error under the picker; empty when valid. */
  @property() error = ''
  /** Messages about the last pick (refused photos, low resolution), announced politely. */
  @property({ attribute: false }) messages: readonly string[] = []
  /** Set while picked photos are being prepared. */
  @property({ type: Boolean }) busy = false

  @state() private _over = false
  @state() private _urls: string[] = []

  @query('#choose') private _choose!: HTMLInputElement

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('photos')) {
      for (const url of this._urls) URL.revokeObjectURL(url)
      this._urls = this.photos.map((photo) => URL.createObjectURL(photo))
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    for (const url of this._urls) URL.revokeObjectURL(url)
    this._urls = []
  }

  override render() {
    const full = this.photos.length >= this.max
    return html`<div class="field">
      <span class="label" id="photos-label">Product photos</span>
      <div
        class="drop ${this._over ? 'drop--over' : ''}"
        role="group"
        aria-labelledby="photos-label"
        aria-describedby="error photos-hint"
        @dragover=${this._onDragOver}
        @dragleave=${this._onDragLeave}
        @drop=${this._onDrop}
      >
        <div class="pickers">
          <label>
            <input class="visually-hidden" type="file" accept="image/*" capture="environment"
              ?disabled=${full || this.busy} @change=${this._onPick} />
            <span class="button button--primary">Take photo</span>
          </label>
          <label>
            <input id="choose" class="visually-hidden" type="file" multiple
              accept="image/jpeg,image/png,image/webp,image/bmp,image/tiff,image/gif,.jpg,.jpeg,.png,.webp,.bmp,.tif,.tiff,.gif"
              ?disabled=${full || this.busy} @change=${this._onPick} />
            <span class="button button--secondary">Choose photos</span>
          </label>
        </div>
        <p class="hint" id="photos-hint">
          Add 1 to ${this.max} photos of your product. On a computer you can also drop them here.
        </p>
        ${this.photos.length > 0 ? this._renderThumbs() : ''}
      </div>
      <p id="error" class="error" role="alert">${this.error}</p>
      <div aria-live="polite">
        ${this.busy ? html`<p class="hint">Preparing photos…</p>` : ''}
        ${this.messages.map((message) => html`<p class="warning">${message}</p>`)}
      </div>
    </div>`
  }

  private _renderThumbs() {
    const last = this.photos.length - 1
    return html`<ol>
      ${this._urls.map(
        (url, i) => html`<li>
          <figure>
            <img src=${url} alt="Image ${i + 1}, your product photo" />
            <figcaption>Image ${i + 1}</figcaption>
          </figure>
          <div class="thumb-actions">
            <button class="button button--secondary" type="button" ?disabled=${i === 0}
              aria-label="Move image ${i + 1} earlier" @click=${() => this._onMove(i, i - 1)}>
              <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M15 6l-6 6 6 6" /></svg>
            </button>
            <button class="button button--secondary" type="button" ?disabled=${i === last}
              aria-label="Move image ${i + 1} later" @click=${() => this._onMove(i, i + 1)}>
              <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M9 6l6 6-6 6" /></svg>
            </button>
            <button class="button button--secondary" type="button"
              aria-label="Remove image ${i + 1}" @click=${() => this._onRemove(i)}>Remove</button>
          </div>
        </li>`
      )}
    </ol>`
  }

  /** Focuses the "Choose photos" control (for "focus the first invalid field"). */
  override focus(): void {
    this._choose.focus()
  }

  private _onPick(event: Event): void {
    const input = event.target as HTMLInputElement
    const files = [...(input.files ?? [])]
    input.value = ''
    if (files.length > 0) emit(this, 'app-studio-photos', { files })
  }

  private _onDragOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return
    event.preventDefault()
    this._over = true
  }

  private _onDragLeave(): void {
    this._over = false
  }

  private _onDrop(event: DragEvent): void {
    event.preventDefault()
    this._over = false
    const files = [...(event.dataTransfer?.files ?? [])]
    if (files.length > 0) emit(this, 'app-studio-photos', { files })
  }

  private _onMove(from: number, to: number): void {
    emit(this, 'app-studio-photo-move', { from, to })
  }

  private _onRemove(index: number): void {
    emit(this, 'app-studio-photo-remove', { index })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'studio-photo-picker': StudioPhotoPicker
  }
}
