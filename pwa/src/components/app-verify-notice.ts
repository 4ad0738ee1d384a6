import { css, html, LitElement, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { resendVerificationEmail } from '../data/account-email.ts'
import { ApiClientError } from '../data/api.ts'
import type { LocalUser } from '../data/db.ts'
import { buttonBase, focusRing, noticeBar } from '../styles/shared.ts'

type SendState = 'idle' | 'sending' | 'sent' | 'limited' | 'failed'

const STATUS_TEXT: Record<SendState, string> = {
  idle: '',
  sending: '',
  sent: 'Sent. Check your inbox (and spam folder).',
  limited: "You've asked for several emails. Wait a while and try again.",
  failed: "Couldn't send the email. Check your connection and try again.",
}

/**
 * Under the header while the signed-in user's email is not verified: why generating waits
 * (spending credits needs a verified address, and the free credits come with it) and "Resend the
 * email", which the server limits to a few an hour.
 *
 * @cssproperty --app-verify-notice-bg - Background. Defaults to `--app-color-primary-soft`.
 */
@customElement('app-verify-notice')
export class AppVerifyNotice extends LitElement {
  static override styles = [
    buttonBase,
    focusRing,
    noticeBar,
    css`
      :host {
        display: block;
      }
      :host {
        --app-notice-bar-bg: var(--app-verify-notice-bg, var(--app-color-primary-soft));
      }
      p {
        max-width: 44rem;
      }
    `,
  ]

  /** The signed-in user; the notice shows only when their email is known to be unverified. */
  @property({ attribute: false }) user: LocalUser | null = null

  @state() private _state: SendState = 'idle'

  override render() {
    const user = this.user
    if (user?.emailVerified !== false) return nothing
    return html`<section class="notice-bar" aria-label="Verify your email">
      <p>
        <strong>Verify your email to start generating.</strong> We sent a link to
        ${user.email}. Open it to get your free credits.
      </p>
      <button class="button button--secondary" type="button"
        ?disabled=${this._state === 'sending'} @click=${this._onResend}>
        ${this._state === 'sending' ? 'Sending…' : 'Resend the email'}
      </button>
      <p role="status">${STATUS_TEXT[this._state]}</p>
    </section>`
  }

  private async _onResend(): Promise<void> {
    if (!this.user) return
    this._state = 'sending'
    try {
      await resendVerificationEmail(
        this.user.email,
        window.location.pathname + window.location.search
      )
      this._state = 'sent'
    } catch (error) {
      this._state =
        error instanceof ApiClientError && error.code === 'RATE_LIMITED' ? 'limited' : 'failed'
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-verify-notice': AppVerifyNotice
  }
}
