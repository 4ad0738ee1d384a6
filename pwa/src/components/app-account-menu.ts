import { css, html, LitElement, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { LocalUser } from '../data/db.ts'
import { buttonBase, focusRing, visuallyHidden } from '../styles/shared.ts'

/**
 * The header's account button: the user's initial (and name from tablet width up) opening a
 * small menu with who is signed in, Profile, Settings and Sign out. A disclosure (a button with
 * `aria-expanded` and a list of links), not an ARIA menu: links keep their native keyboard and
 * screen-reader behaviour. Escape, a click elsewhere or leaving it with Tab closes it.
 */
@customElement('app-account-menu')
export class AppAccountMenu extends LitElement {
  static override styles = [
    buttonBase,
    focusRing,
    visuallyHidden,
    css`
      :host {
        position: relative;
        display: block;
      }
      .trigger {
        display: inline-flex;
        align-items: center;
        gap: var(--app-space-2);
        min-height: var(--app-touch-target);
        padding: 0 var(--app-space-2);
        border: 0;
        border-radius: var(--app-radius-pill);
        background: none;
        color: var(--app-color-text);
        font: inherit;
        font-size: var(--app-font-size-sm);
        font-weight: var(--app-font-weight-medium);
        cursor: pointer;
      }
      .trigger:hover {
        background: var(--app-color-surface-2);
      }
      .avatar {
        display: grid;
        place-items: center;
        width: 2rem;
        height: 2rem;
        border-radius: 50%;
        background: var(--app-color-primary);
        color: var(--app-color-on-primary);
        font-weight: var(--app-font-weight-bold);
      }
      .panel {
        position: absolute;
        right: 0;
        top: calc(100% + var(--app-space-1));
        z-index: 30;
        min-width: 14rem;
        max-width: calc(100vw - 2 * var(--app-space-4));
        padding: var(--app-space-2);
        border: 1px solid var(--app-color-border);
        border-radius: var(--app-radius-lg);
        background: var(--app-color-surface);
        box-shadow: var(--app-shadow-md);
      }
      .panel[hidden] {
        display: none;
      }
      .who {
        margin: 0;
        padding: var(--app-space-2) var(--app-space-3);
        overflow-wrap: anywhere;
        border-bottom: 1px solid var(--app-color-border);
      }
      .who span {
        color: var(--app-color-text-muted);
        font-size: var(--app-font-size-sm);
      }
      ul {
        margin: var(--app-space-1) 0 0;
        padding: 0;
        list-style: none;
      }
      .item {
        display: flex;
        align-items: center;
        box-sizing: border-box;
        width: 100%;
        min-height: var(--app-touch-target);
        padding: 0 var(--app-space-3);
        border: 0;
        border-radius: var(--app-radius-md);
        background: none;
        color: var(--app-color-text);
        font: inherit;
        text-align: left;
        text-decoration: none;
        cursor: pointer;
      }
      .item:hover {
        background: var(--app-color-surface-2);
      }
      @media (max-width: 47.99em) {
        .name {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip-path: inset(50%);
          white-space: nowrap;
        }
      }
    `,
  ]

  /** Who is signed in. */
  @property({ attribute: false }) user: LocalUser | null = null

  @state() private _open = false

  override connectedCallback(): void {
    super.connectedCallback()
    document.addEventListener('click', this._onDocumentClick)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    document.removeEventListener('click', this._onDocumentClick)
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('_open' as keyof AppAccountMenu) && this._open) {
      this.renderRoot.querySelector<HTMLElement>('.panel .item')?.focus()
    }
  }

  override render() {
    const name = this.user?.name.trim() || this.user?.email || ''
    const initial = [...name][0]?.toUpperCase() ?? '?'
    return html`<div @keydown=${this._onKeydown} @focusout=${this._onFocusOut}>
      <button class="trigger" type="button" aria-expanded=${this._open ? 'true' : 'false'}
        aria-controls="account-panel" @click=${this._toggle}>
        <span class="avatar" aria-hidden="true">${initial}</span>
        <span class="visually-hidden">Account menu for</span>
        <span class="name">${name}</span>
      </button>
      <div class="panel" id="account-panel" ?hidden=${!this._open}>
        <p class="who"><strong>${this.user?.name}</strong><br /><span>${this.user?.email}</span></p>
        <ul>
          <li><a class="item" href="/profile" @click=${this._close}>Profile</a></li>
          <li><a class="item" href="/settings" @click=${this._close}>Settings</a></li>
          <li><button class="item" type="button" @click=${this._onSignOut}>Sign out</button></li>
        </ul>
      </div>
    </div>`
  }

  private _toggle(): void {
    this._open = !this._open
  }

  private _close(): void {
    this._open = false
  }

  private _onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this._open) return
    this._open = false
    this.renderRoot.querySelector<HTMLButtonElement>('.trigger')?.focus()
  }

  private _onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget
    if (next instanceof Node && this.renderRoot.contains(next)) return
    if (next) this._open = false
  }

  private readonly _onDocumentClick = (event: MouseEvent): void => {
    if (this._open && !event.composedPath().includes(this)) this._open = false
  }

  private async _onSignOut(): Promise<void> {
    this._open = false
    // The flow (and the outbox it checks) loads only when someone signs out from here.
    const { confirmSignOut } = await import('../sign-out-flow.ts')
    await confirmSignOut(this)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-account-menu': AppAccountMenu
  }
}
