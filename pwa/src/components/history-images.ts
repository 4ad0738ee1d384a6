import { css, html, LitElement, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { emit } from '../events.ts'
import { cssProperties } from '../styles/css-properties.ts'
import { buttonBase, focusRing } from '../styles/shared.ts'

/** One output image as the detail page shows it. */
export interface DetailImage {
  readonly index: number
  readonly url: string
  readonly width: number
  readonly height: number
  /** False offline when the image is not in the image cache. */
  readonly available: boolean
}

/**
 * Every output image of a generation at full size, each with "Download" and (where the browser
 * can share files) "Share". An image that is not available offline says so, and its buttons are
 * disabled.
 *
 * @fires app-image-action - Download or Share was pressed; `detail.index` names the image.
 */
@customElement('history-images')
export class HistoryImages extends LitElement {
  static override styles = [
    buttonBase,
    focusRing,
    css`
      :host {
        display: grid;
        gap: var(--app-space-5);
      }
      figure {
        margin: 0;
      }
      img,
      .missing {
        display: block;
        width: 100%;
        height: auto;
        border-radius: var(--app-radius-md);
        background: var(--app-color-surface-2);
      }
      .missing {
        display: grid;
        place-items: center;
        color: var(--app-color-text-muted);
      }
      figcaption {
        display: flex;
        flex-wrap: wrap;
        gap: var(--app-space-2);
        margin-top: var(--app-space-2);
      }
      button:disabled {
        cursor: not-allowed;
        opacity: 0.6;
      }
    `,
  ]

  /** The images, in order. */
  @property({ attribute: false }) images: readonly DetailImage[] = []
  /** Whether to offer Share (the browser can share image files). */
  @property({ type: Boolean }) canShare = false
  /** Text alternative, the generation's prompt; the image number is added. */
  @property() alt = ''

  override render() {
    return this.images.map((image) => {
      const label = `Image ${image.index + 1}`
      return html`<figure>
        ${
          image.available
            ? html`<img
              src=${image.url}
              width=${image.width}
              height=${image.height}
              alt=${`${label}: ${this.alt}`}
            />`
            : html`<div
              class="missing"
              style=${cssProperties({ 'aspect-ratio': `${image.width} / ${image.height}` })}
            >
              <p>Not available offline</p>
            </div>`
        }
        <figcaption>
          <button
            class="button button--secondary"
            type="button"
            aria-label=${`Download (PNG), ${label}`}
            ?disabled=${!image.available}
            @click=${() => this._onAction(image.index, 'download')}
          >
            Download (PNG)
          </button>
          ${
            this.canShare
              ? html`<button
                class="button button--secondary"
                type="button"
                aria-label=${`Share, ${label}`}
                ?disabled=${!image.available}
                @click=${() => this._onAction(image.index, 'share')}
              >
                Share
              </button>`
              : nothing
          }
        </figcaption>
      </figure>`
    })
  }

  private _onAction(index: number, action: 'download' | 'share'): void {
    emit(this, 'app-image-action', { index, action })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'history-images': HistoryImages
  }
}
