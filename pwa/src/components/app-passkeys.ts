import { initialState, Task } from '@lit/task'
import { html, LitElement, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { passkeysSupported } from '../data/passkey-support.ts'
import { addPasskey, listPasskeys, type Passkey, removePasskey } from '../data/passkeys.ts'
import { describeUserAgent } from '../data/user-agent.ts'
import { formatDateTime } from '../format.ts'
import { profileSectionStyles } from '../styles/profile.styles.ts'
import { buttonBase, focusRing } from '../styles/shared.ts'
import { confirmDialog } from './app-dialog.ts'

/**
 * The user's passkeys (sign-in with the device's own unlock): each with its name and date and
 * "Remove" (confirmed), and "Add a passkey" for this device. Online only; says so where the
 * browser cannot use passkeys.
 */
@customElement('app-passkeys')
export class AppPasskeys extends LitElement {
  static override styles = [profileSectionStyles, buttonBase, focusRing]

  /** Whether the device is online; passkeys live on the server. */
  @property({ type: Boolean }) online = true

  @state() private _busy = false
  @state() private _message = ''

  /** Read when the device is (again) online; offline there is nothing to ask. */
  private readonly _passkeys = new Task(this, {
    task: ([online]: [boolean]) => (online ? listPasskeys() : initialState),
    args: () => [this.online] as [boolean],
  })

  override render() {
    if (!this.online) return html`<p class="needs-connection">Needs a connection</p>`
    return this._passkeys.render({
      // A reload keeps the list it had on screen, marked busy.
      pending: () => this._renderList(this._passkeys.value ?? [], true),
      complete: (passkeys) => this._renderList(passkeys, false),
      error: () => html`<p role="alert">Couldn't load your passkeys.</p>
        <button class="button button--secondary" type="button" @click=${() => this._passkeys.run()}>
          Retry
        </button>`,
    })
  }

  private _renderList(passkeys: Passkey[], busy: boolean) {
    return html`<p class="muted">
        Sign in with this device's fingerprint, face or PIN instead of your password.
      </p>
      ${
        passkeys.length
          ? html`<ul aria-busy=${busy ? 'true' : 'false'}>
              ${passkeys.map((passkey) => this._renderPasskey(passkey))}
            </ul>`
          : html`<p>No passkeys yet.</p>`
      }
      <p class="done" role="status">${this._message}</p>
      ${
        passkeysSupported()
          ? html`<button class="button button--primary" type="button" ?disabled=${this._busy}
              @click=${this._onAdd}>Add a passkey</button>`
          : html`<p>Passkeys can't be used in this browser, or at this address.</p>`
      }`
  }

  private _renderPasskey(passkey: Passkey) {
    const name = passkey.name || 'Passkey'
    return html`<li class="row">
      <span>
        <strong>${name}</strong><br />
        ${passkey.createdAt ? html`<span class="muted">Added ${formatDateTime(passkey.createdAt)}</span>` : nothing}
      </span>
      <button class="button button--secondary" type="button" ?disabled=${this._busy}
        aria-label="Remove ${name}" @click=${() => this._onRemove(passkey)}>Remove</button>
    </li>`
  }

  private async _onAdd(): Promise<void> {
    this._busy = true
    this._message = ''
    const { browser, os } = describeUserAgent(navigator.userAgent)
    try {
      await addPasskey(`${browser} on ${os}`)
      this._message = 'Passkey added. Next time, sign in with it.'
    } catch (error) {
      this._message =
        error instanceof DOMException && error.name === 'NotAllowedError'
          ? 'No passkey was added: it was canceled or timed out.'
          : "Couldn't add a passkey. Please try again."
    } finally {
      this._busy = false
      await this._passkeys.run()
    }
  }

  private async _onRemove(passkey: Passkey): Promise<void> {
    const confirmed = await confirmDialog({
      title: `Remove ${passkey.name || 'this passkey'}?`,
      body: 'You can no longer sign in with it. Your device may still list it; you can delete it there too.',
      confirmLabel: 'Remove passkey',
    })
    if (!confirmed) return
    this._busy = true
    this._message = ''
    try {
      await removePasskey(passkey.id)
      this._message = 'Passkey removed.'
    } catch {
      this._message = "Couldn't remove the passkey. Please try again."
    } finally {
      this._busy = false
      await this._passkeys.run()
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-passkeys': AppPasskeys
  }
}
