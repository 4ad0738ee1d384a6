import { css, html, LitElement, nothing, svg } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { type HistoryItem, type ItemState, refusedForCredits } from '../data/history-item.ts'
import { emit } from '../events.ts'
import { buttonBase, focusRing } from '../styles/shared.ts'
import { buyCreditsPath, WORKFLOWS, type Workflow } from '../workflows.ts'
import './history-progress.ts'
import { relativeTime, stateTone } from '../format.ts'

/**
 * One card of the History grid: thumbnail or a state placeholder, prompt, workflow and state
 * chips, relative time, a "Simulated" badge and, while running, a progress bar. The whole card is
 * one link to the detail page; a request refused for lack of credits also has "Buy credits" and
 * "Send again" over its thumbnail (docs/product.md §7). Its size comes from the grid.
 *
 * @fires app-history-action - "Send again" was pressed (`action: 'resend'`, with the card's `id`).
 * @cssproperty --history-card-info-height - Height of the text part under the thumbnail.
 */
@customElement('history-card')
export class HistoryCard extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true }

  static override styles = [
    buttonBase,
    focusRing,
    css`
      :host {
        display: block;
        position: relative;
        min-width: 0;
      }
      .refused {
        position: absolute;
        right: var(--app-space-2);
        bottom: calc(var(--history-card-info-height, 7rem) + var(--app-space-2));
        left: var(--app-space-2);
        display: flex;
        flex-wrap: wrap;
        gap: var(--app-space-2);
      }
      .refused .button {
        padding-inline: var(--app-space-3);
        font-size: var(--app-font-size-sm);
      }
      a {
        display: flex;
        flex-direction: column;
        height: 100%;
        overflow: hidden;
        border: 1px solid var(--app-color-border);
        border-radius: var(--app-radius-md);
        background: var(--app-color-surface);
        color: var(--app-color-text);
        text-decoration: none;
        transition: border-color var(--app-duration) var(--app-easing);
      }
      a:hover {
        border-color: var(--app-color-primary);
      }
      a:focus-visible {
        outline-offset: 1px;
      }
      .thumb {
        position: relative;
        flex: 1;
        min-height: 0;
        background: var(--app-color-surface-2);
      }
      img {
        display: block;
        width: 100%;
        height: 100%;
        object-fit: cover;
      }
      .placeholder {
        display: grid;
        place-items: center;
        height: 100%;
        color: var(--app-color-text-muted);
      }
      .placeholder svg {
        width: 2rem;
        height: 2rem;
        fill: none;
        stroke: currentColor;
        stroke-width: 1.6;
        stroke-linecap: round;
        stroke-linejoin: round;
      }
      .badge {
        position: absolute;
        top: var(--app-space-2);
        left: var(--app-space-2);
        padding: 0 var(--app-space-2);
        border-radius: var(--app-radius-pill);
        background: var(--app-color-surface);
        color: var(--app-color-text);
        font-size: var(--app-font-size-sm);
        font-weight: var(--app-font-weight-medium);
      }
      history-progress {
        position: absolute;
        right: 0;
        bottom: 0;
        left: 0;
      }
      .info {
        display: grid;
        align-content: start;
        gap: var(--app-space-1);
        box-sizing: border-box;
        height: var(--history-card-info-height, 7rem);
        padding: var(--app-space-2) var(--app-space-3);
        font-size: var(--app-font-size-sm);
      }
      .prompt,
      .chip {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .prompt {
        font-weight: var(--app-font-weight-medium);
      }
      .chip {
        justify-self: start;
        max-width: 100%;
        box-sizing: border-box;
        padding: 0 var(--app-space-2);
        border-radius: var(--app-radius-pill);
        background: var(--app-color-surface-2);
        color: var(--app-color-text-muted);
      }
      .chip--ready {
        color: var(--app-color-success);
      }
      .chip--problem {
        color: var(--app-color-danger);
      }
      .chip--progress {
        color: var(--app-color-warning);
      }
      time {
        overflow: hidden;
        text-overflow: ellipsis;
        color: var(--app-color-text-muted);
      }
    `,
  ]

  /** The card's generation or device request. */
  @property({ attribute: false }) item: HistoryItem | undefined
  /** Its state (docs/product.md §8). */
  @property() state: ItemState = 'waiting'
  /** The state chip's text. */
  @property() label = ''
  /** Object URL of the thumbnail, when the device has one. */
  @property() thumbnail: string | undefined

  override render() {
    const item = this.item
    if (!item) return nothing
    const source = item.kind === 'synced' ? item.generation : item.entry
    const prompt =
      item.kind === 'synced' ? item.generation.params.prompt : (item.entry.request?.prompt ?? '')
    const simulated = item.kind === 'synced' && item.generation.simulated
    const refused = refusedForCredits(item)
    return html`<a href="/history/${item.id}">
      <div class="thumb">
        ${this.thumbnail ? html`<img src=${this.thumbnail} alt="" />` : this._placeholder()}
        ${simulated ? html`<span class="badge">Simulated</span>` : nothing}
        ${this.state === 'running' ? html`<history-progress></history-progress>` : nothing}
      </div>
      <div class="info">
        <span class="prompt">${prompt}</span>
        <span class="chip chip--${stateTone(this.state)}">${this.label}</span>
        <span class="chip">${WORKFLOWS[source.workflow].name}</span>
        <time datetime=${source.createdAt}>${relativeTime(source.createdAt)}</time>
      </div>
    </a>${refused ? this._refused(item.id, refused) : nothing}`
  }

  private _refused(id: string, workflow: Workflow) {
    return html`<div class="refused">
      <a class="button button--primary" href=${buyCreditsPath(workflow)}>Buy credits</a>
      <button
        class="button button--secondary"
        type="button"
        @click=${() => emit(this, 'app-history-action', { action: 'resend', id })}
      >
        Send again
      </button>
    </div>`
  }

  private _placeholder() {
    const tone = stateTone(this.state)
    const path =
      tone === 'problem'
        ? svg`<circle cx="12" cy="12" r="9" /><path d="M9 9l6 6M15 9l-6 6" />`
        : tone === 'ready'
          ? svg`<rect x="4" y="5" width="16" height="14" rx="2" /><path d="M4 16l5-5 4 4 3-3 4 4" />`
          : svg`<circle cx="12" cy="12" r="9" /><path d="M12 7v5l3 2" />`
    return html`<div class="placeholder"><svg viewBox="0 0 24 24" aria-hidden="true">${path}</svg></div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'history-card': HistoryCard
  }
}
