import { PASSWORD_TOO_COMMON } from '@app/shared-types'
import { html, LitElement, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { checkConfirm, checkPassword } from '../auth-rules.ts'
import { changePassword } from '../data/account.ts'
import { ApiClientError } from '../data/api.ts'
import { COMMON_PASSWORD_TEXT } from '../data/error-text.ts'
import { emit } from '../events.ts'
import { focusFirstInvalid, formStyles, textField } from '../partials/form-field.ts'
import { passwordRulesHint, passwordRulesStyles } from '../partials/password-rules.ts'
import { profileSectionStyles } from '../styles/profile.styles.ts'
import { buttonBase, focusRing, visuallyHidden } from '../styles/shared.ts'

type Field = 'current' | 'next' | 'confirm'

const LABELS: Record<Field, string> = {
  current: 'Current password',
  next: 'New password',
  confirm: 'Confirm new password',
}

/**
 * Changing the password: current, new and confirm, with the docs/product.md §9.2 rules. The server
 * signs out the other devices, and the form then says so. Online only.
 *
 * @fires app-password-changed - The password changed and the other devices were signed out.
 */
@customElement('app-change-password')
export class AppChangePassword extends LitElement {
  static override styles = [
    profileSectionStyles,
    formStyles,
    passwordRulesStyles,
    visuallyHidden,
    buttonBase,
    focusRing,
  ]

  /** Whether the device is online; offline the form is disabled. */
  @property({ type: Boolean }) online = true

  @state() private _values: Record<Field, string> = { current: '', next: '', confirm: '' }
  @state() private _errors: Partial<Record<Field, string>> = {}
  @state() private _formError = ''
  @state() private _done = false
  @state() private _pending = false

  override render() {
    const disabled = !this.online
    return html`<form novalidate @submit=${this._onSubmit}>
      ${disabled ? html`<p class="needs-connection">Needs a connection</p>` : nothing}
      ${(Object.keys(LABELS) as Field[]).map((field) =>
        textField({
          id: `password-${field}`,
          label: LABELS[field],
          type: 'password',
          value: this._values[field],
          autocomplete: field === 'current' ? 'current-password' : 'new-password',
          placeholder: field === 'next' ? 'At least 8 characters' : undefined,
          error: this._errors[field],
          disabled,
          hint:
            field === 'next' ? passwordRulesHint('password-rules', this._values.next) : undefined,
          hintId: field === 'next' ? 'password-rules' : undefined,
          onInput: (event) => this._onInput(field, event),
          onBlur: () => this._check(field),
        })
      )}
      <p class="form-error" role="alert">${this._formError}</p>
      <p class="done" role="status">${this._done ? 'Password changed. Other devices were signed out.' : ''}</p>
      <button class="button button--primary" type="submit" ?disabled=${disabled || this._pending}>
        Change password
      </button>
    </form>`
  }

  private _message(field: Field): string | undefined {
    const { current, next, confirm } = this._values
    if (field === 'current') return checkPassword(current, { isNew: false })
    if (field === 'next') return checkPassword(next, { isNew: true })
    return checkConfirm(next, confirm)
  }

  private _check(field: Field): void {
    this._errors = { ...this._errors, [field]: this._message(field) }
  }

  private _onInput(field: Field, event: InputEvent): void {
    this._values = { ...this._values, [field]: (event.target as HTMLInputElement).value }
    this._done = false
    if (this._errors[field]) this._check(field)
  }

  private async _onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const fields = Object.keys(LABELS) as Field[]
    this._errors = Object.fromEntries(fields.map((f) => [f, this._message(f)]))
    if (await focusFirstInvalid(this, this._errors, fields, (f) => `password-${f}`)) return
    this._pending = true
    this._formError = ''
    try {
      await changePassword(this._values.current, this._values.next)
      this._values = { current: '', next: '', confirm: '' }
      this._done = true
      emit(this, 'app-password-changed', {})
    } catch (error) {
      const code = error instanceof ApiClientError ? error.authCode : undefined
      if (code === 'INVALID_PASSWORD') this._errors = { current: 'Current password is incorrect.' }
      else if (code === PASSWORD_TOO_COMMON) this._errors = { next: COMMON_PASSWORD_TEXT }
      else this._formError = "Couldn't change your password. Please try again."
    } finally {
      this._pending = false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-change-password': AppChangePassword
  }
}
