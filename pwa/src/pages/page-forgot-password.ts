import { css, html, LitElement, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { checkEmail } from '../auth-rules.ts'
import { OnlineController } from '../controllers/online-controller.ts'
import { requestPasswordReset } from '../data/account-email.ts'
import { ApiClientError } from '../data/api.ts'
import { focusFirstInvalid, formStyles, textField } from '../partials/form-field.ts'
import { buttonBase, focusRing, pageStyles } from '../styles/shared.ts'

/**
 * `/forgot-password`: asks for the account's email and sends a single-use link to choose a new
 * password. It says the same whether or not an account uses the address, as the server does.
 */
@customElement('page-forgot-password')
export class PageForgotPassword extends LitElement {
  static override styles = [
    pageStyles,
    buttonBase,
    focusRing,
    formStyles,
    css`
      .sent {
        max-width: 32rem;
      }
    `,
  ]

  @state() private _email = ''
  @state() private _error: string | undefined
  @state() private _formError = ''
  @state() private _sentTo = ''
  @state() private _pending = false

  private readonly _online = new OnlineController(this)

  override render() {
    const offline = !this._online.online
    return html`
      <h1>Reset your password</h1>
      <p class="lead">Enter the email you signed up with. We'll send you a link to choose a new password.</p>
      ${offline ? html`<p role="status">You're offline. Connect to the internet to reset your password.</p>` : nothing}
      <form novalidate @submit=${this._onSubmit}>
        ${textField({
          id: 'email',
          label: 'Email',
          type: 'email',
          value: this._email,
          autocomplete: 'email',
          placeholder: 'you@example.com',
          error: this._error,
          disabled: offline,
          onInput: (event) => {
            this._email = (event.target as HTMLInputElement).value
            if (this._error) this._error = checkEmail(this._email)
          },
          onBlur: () => {
            this._error = checkEmail(this._email)
          },
        })}
        <p class="form-error" role="alert">${this._formError}</p>
        <button class="button button--primary" type="submit" ?disabled=${offline || this._pending}>
          ${this._pending ? 'Sending…' : 'Send the link'}
        </button>
      </form>
      <div class="sent" role="status">${this._sentTo ? this._renderSent() : nothing}</div>
      <p><a href="/sign-in">Back to sign in</a></p>
    `
  }

  private _renderSent() {
    return html`<p>
      If an account uses <strong>${this._sentTo}</strong>, we've emailed it a link to choose a new
      password. The link works once, for 1 hour. Nothing there? Check your spam folder, or send it
      again in a few minutes.
    </p>`
  }

  private async _onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    if (this._pending) return
    this._error = checkEmail(this._email)
    if (await focusFirstInvalid(this, { email: this._error }, ['email'])) return
    this._pending = true
    this._formError = ''
    const email = this._email.trim()
    try {
      await requestPasswordReset(email)
      this._sentTo = email
    } catch (error) {
      this._formError =
        error instanceof ApiClientError && error.code === 'RATE_LIMITED'
          ? "You've asked for several emails. Wait a while and try again."
          : "Couldn't send the email. Please try again."
    } finally {
      this._pending = false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-forgot-password': PageForgotPassword
  }
}
