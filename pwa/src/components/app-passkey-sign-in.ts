import { css, html, LitElement, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { OnlineController } from '../controllers/online-controller.ts'
import { passkeysSupported } from '../data/passkey-support.ts'
import { signInWithPasskey } from '../data/sign-in.ts'
import { navigate, safeRedirect } from '../navigation.ts'
import { buttonBase, focusRing } from '../styles/shared.ts'

/** What the user reads when a passkey sign-in does not happen. */
const failureText = (error: unknown): string =>
  error instanceof DOMException && error.name === 'NotAllowedError'
    ? 'Passkey sign-in was canceled or timed out. Try again, or sign in with your password.'
    : "That passkey didn't work. Sign in with your email and password, then add a passkey again in Profile."

/**
 * "Sign in with a passkey": the device's own unlock (fingerprint, face, PIN) instead of a
 * password. Rendered only where the browser supports passkeys; on success the app goes on to
 * `redirect`.
 */
@customElement('app-passkey-sign-in')
export class AppPasskeySignIn extends LitElement {
  static override styles = [
    buttonBase,
    focusRing,
    css`
      :host {
        display: block;
        max-width: 26rem;
        margin-bottom: var(--app-space-5);
      }
      button {
        width: 100%;
      }
      .error {
        margin: var(--app-space-2) 0 0;
        color: var(--app-color-danger);
      }
      .error:empty {
        display: none;
      }
    `,
  ]

  /** The `redirect` query value; where to go afterwards when it is a safe path. */
  @property() redirect: string | null = null

  @state() private _pending = false
  @state() private _error = ''

  private readonly _online = new OnlineController(this)

  override render() {
    if (!passkeysSupported()) return nothing
    return html`
      <button
        class="button button--secondary"
        type="button"
        ?disabled=${this._pending || !this._online.online}
        @click=${this._onClick}
      >
        ${this._pending ? 'Waiting for your passkey…' : 'Sign in with a passkey'}
      </button>
      <p class="error" role="alert">${this._error}</p>
    `
  }

  private async _onClick(): Promise<void> {
    this._pending = true
    this._error = ''
    try {
      await signInWithPasskey()
      navigate(this, safeRedirect(this.redirect), { replace: true })
    } catch (error) {
      this._error = failureText(error)
    } finally {
      this._pending = false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-passkey-sign-in': AppPasskeySignIn
  }
}
