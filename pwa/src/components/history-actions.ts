import { css, html, LitElement } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { ItemState } from '../data/history.ts'
import { type AppHistoryActionEvent, emit } from '../events.ts'
import { buttonBase, focusRing } from '../styles/shared.ts'

type Action = AppHistoryActionEvent['detail']['action']

const LABELS: Readonly<Record<Action, string>> = {
  again: 'Generate again with these settings',
  edit: 'Edit',
  cancel: 'Cancel',
  delete: 'Delete',
  discard: 'Discard',
}

/** What each state lets the user do (docs/product.md §8). */
const ACTIONS: Readonly<Record<ItemState, readonly Action[]>> = {
  waiting: ['cancel'],
  sending: [],
  paused: ['delete'],
  rejected: ['edit', 'discard'],
  queued: ['cancel'],
  running: [],
  succeeded: ['again', 'delete'],
  failed: ['again', 'edit', 'delete'],
  canceled: ['edit', 'delete'],
}

/**
 * The buttons of a generation's detail page for its state. A request paused by an ended session
 * also gets "Sign in", a link that comes back here.
 *
 * @fires app-history-action - A button was pressed; `detail.action` says which.
 */
@customElement('history-actions')
export class HistoryActions extends LitElement {
  static override styles = [
    buttonBase,
    focusRing,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        gap: var(--app-space-3);
      }
      .button {
        padding-block: var(--app-space-2);
      }
      .button--danger {
        border-color: var(--app-color-border);
        background: var(--app-color-surface);
        color: var(--app-color-danger);
      }
    `,
  ]

  /** The card's state. */
  @property() state: ItemState = 'waiting'
  /** Where "Sign in" returns to. */
  @property() returnPath = '/history'

  override render() {
    const actions = ACTIONS[this.state]
    return html`${
      this.state === 'paused'
        ? html`<a
          class="button button--primary"
          href="/sign-in?redirect=${encodeURIComponent(this.returnPath)}"
          >Sign in</a
        >`
        : ''
    }
    ${actions.map(
      (action, i) => html`<button
        class="button ${this._kind(action, i)}"
        type="button"
        @click=${() => emit(this, 'app-history-action', { action })}
      >
        ${LABELS[action]}
      </button>`
    )}`
  }

  private _kind(action: Action, index: number): string {
    if (action === 'delete' || action === 'discard') return 'button--danger'
    return index === 0 && this.state !== 'paused' ? 'button--primary' : 'button--secondary'
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'history-actions': HistoryActions
  }
}
