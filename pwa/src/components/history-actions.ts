import { css, html, LitElement } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { ItemState } from '../data/history-item.ts'
import { type AppHistoryActionEvent, emit } from '../events.ts'
import { buttonBase, focusRing } from '../styles/shared.ts'
import { buyCreditsPath, type Workflow } from '../workflows.ts'

type Action = AppHistoryActionEvent['detail']['action']

const LABELS: Readonly<Record<Action, string>> = {
  again: 'Generate again with these settings',
  edit: 'Edit',
  cancel: 'Cancel',
  delete: 'Delete',
  discard: 'Discard',
  resend: 'Send again',
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
 * also gets "Sign in", a link that comes back here; one refused for lack of credits gets "Buy
 * credits" and "Send again" (docs/product.md §7).
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
  /** Set to the workflow whose credits ran out when the server refused the request for that. */
  @property() outOfCredits: Workflow | undefined

  override render() {
    const refused = this.state === 'rejected' ? this.outOfCredits : undefined
    const actions = refused ? (['resend', ...ACTIONS.rejected] as const) : ACTIONS[this.state]
    return html`${
      refused
        ? html`<a class="button button--primary" href=${buyCreditsPath(refused)}>Buy credits</a>`
        : ''
    }${
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
    const linkFirst = this.state === 'paused' || this.outOfCredits !== undefined
    return index === 0 && !linkFirst ? 'button--primary' : 'button--secondary'
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'history-actions': HistoryActions
  }
}
