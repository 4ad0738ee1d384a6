import { html, LitElement, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { checkConfirm, checkPassword } from '../auth-rules.ts'
import { OnlineController } from '../controllers/online-controller.ts'
import { resetPassword } from '../data/account-email.ts'
import { ApiClientError } from '../data/api.ts'
import { authErrorText } from '../data/error-text.ts'
import { signIn } from '../data/session.ts'
import { navigate } from '../navigation.ts'
import { focusFirstInvalid, formStyles, textField } from '../partials/form-field.ts'
import { passwordRulesHint, passwordRulesStyles } from '../partials/password-rules.ts'
import { buttonBase, focusRing, pageStyles, visuallyHidden } from '../styles/shared.ts'

type Field = 'password' | 'confirm'

/**
 * `/reset-password?token=…&email=…`, where the emailed link lands: a new password (with its rules
 * as the user types) and its confirmation. On success every device is signed out and this one
 * signs in with the new password. A used or expired link (`?error=INVALID_TOKEN`, or refused on
 * submit) offers a new one.
 */
@customElement('page-reset-password')
export class PageResetPassword extends LitElement {
  static override styles = [
    pageStyles,
    buttonBase,
    focusRing,
    formStyles,
    passwordRulesStyles,
    visuallyHidden,
  ]

  @state() private _values: Record<Field, string> = { password: '', confirm: '' }
  @state() private _errors: Partial<Record<Field, string>> = {}
  @state() private _formError = ''
  @state() private _expired = false
  @state() private _pending = false

  private readonly _online = new OnlineController(this)
  private readonly _query = new URLSearchParams(window.location.search)

  override render() {
    const token = this._query.get('token')
    if (this._expired || this._query.has('error') || !token) {
      return html`<h1>Choose a new password</h1>
        <div role="alert">
          <p>This link has expired or was already used. Links work once, for 1 hour.</p>
        </div>
        <div class="actions"><a class="button button--primary" href="/forgot-password">Send a new link</a></div>`
    }
    const offline = !this._online.online
    return html`
      <h1>Choose a new password</h1>
      <p class="lead">Choosing a new password signs you out on every device, then signs you in here.</p>
      ${offline ? html`<p role="status">You're offline. Connect to the internet to set your password.</p>` : nothing}
      <form novalidate @submit=${this._onSubmit}>
        ${this._field('password', 'New password', {
          hint: passwordRulesHint('password-rules', this._values.password),
          hintId: 'password-rules',
        })}
        ${this._field('confirm', 'Confirm new password')}
        <p class="form-error" role="alert">${this._formError}</p>
        <button class="button button--primary" type="submit" ?disabled=${offline || this._pending}>
          ${this._pending ? 'Saving…' : 'Set new password'}
        </button>
      </form>
    `
  }

  private _field(field: Field, label: string, extra: { hint?: unknown; hintId?: string } = {}) {
    return textField({
      id: field,
      label,
      type: 'password',
      value: this._values[field],
      autocomplete: 'new-password',
      error: this._errors[field],
      disabled: !this._online.online,
      ...extra,
      onInput: (event) => {
        this._values = { ...this._values, [field]: (event.target as HTMLInputElement).value }
        if (this._errors[field]) this._check(field)
      },
      onBlur: () => this._check(field),
    })
  }

  private _message(field: Field): string | undefined {
    if (field === 'password') return checkPassword(this._values.password, { isNew: true })
    return checkConfirm(this._values.password, this._values.confirm)
  }

  private _check(field: Field): void {
    this._errors = { ...this._errors, [field]: this._message(field) }
  }

  private async _onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    if (this._pending) return
    const fields: Field[] = ['password', 'confirm']
    this._errors = Object.fromEntries(fields.map((f) => [f, this._message(f)]))
    if (await focusFirstInvalid(this, this._errors, fields)) return
    this._pending = true
    this._formError = ''
    const password = this._values.password
    try {
      await resetPassword(this._query.get('token') ?? '', password)
    } catch (error) {
      this._pending = false
      if (error instanceof ApiClientError && error.authCode === 'INVALID_TOKEN')
        this._expired = true
      else this._formError = authErrorText(error, 'sign-up')
      return
    }
    const email = this._query.get('email')
    try {
      if (!email) throw new Error('no email in the link')
      await signIn({ email, password })
      navigate(this, '/history', { replace: true })
    } catch {
      navigate(this, '/sign-in?reset=1', { replace: true })
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-reset-password': PageResetPassword
  }
}
