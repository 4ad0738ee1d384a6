import { css, html, LitElement, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import {
  type AuthErrors,
  type AuthField,
  type AuthValues,
  checkAll,
  checkField,
} from '../auth-rules.ts'
import { OnlineController } from '../controllers/online-controller.ts'
import { authErrorText } from '../data/error-text.ts'
import { signIn, signUp } from '../data/sign-in.ts'
import { navigate, safeRedirect } from '../navigation.ts'
import { buttonBase, focusRing, visuallyHidden } from '../styles/shared.ts'
import './app-social-sign-in.ts'
import { focusFirstInvalid, formStyles, textField } from '../partials/form-field.ts'
import { passwordRulesHint, passwordRulesStyles } from '../partials/password-rules.ts'

const FIELDS: Record<
  AuthField,
  { label: string; type: 'text' | 'email' | 'password'; placeholder?: string; auto: string }
> = {
  name: { label: 'Name', type: 'text', placeholder: 'Your name', auto: 'name' },
  email: { label: 'Email', type: 'email', placeholder: 'you@example.com', auto: 'email' },
  password: { label: 'Password', type: 'password', auto: 'current-password' },
  confirm: { label: 'Confirm password', type: 'password', auto: 'new-password' },
}

/**
 * The sign-in or create-account form (docs/product.md §9.2): checks on blur and on submit (then
 * live), social buttons for the enabled providers only, disabled while offline or pending, and on
 * success the app goes on to `redirect`.
 */
@customElement('app-auth-form')
export class AppAuthForm extends LitElement {
  static override styles = [
    buttonBase,
    focusRing,
    formStyles,
    passwordRulesStyles,
    visuallyHidden,
    css`
      :host {
        display: block;
      }
      .offline {
        margin: 0 0 var(--app-space-4);
        font-weight: var(--app-font-weight-medium);
      }
      .social-error {
        margin-bottom: var(--app-space-4);
        max-width: 26rem;
      }
    `,
  ]

  /** Which form: signing in, or creating an account. */
  @property() mode: 'sign-in' | 'sign-up' = 'sign-in'
  /** The `redirect` query value; where to go afterwards when it is a safe path. */
  @property() redirect: string | null = null
  /** Why the last social sign-in came back without a session; shown above the buttons. */
  @property() socialError = ''

  @state() private _values: AuthValues = {}
  @state() private _errors: AuthErrors = {}
  @state() private _formError = ''
  @state() private _pending = false

  private readonly _online = new OnlineController(this)

  override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('mode')) return
    this._values =
      this.mode === 'sign-in'
        ? { email: '', password: '' }
        : { name: '', email: '', password: '', confirm: '' }
  }

  override render() {
    const offline = !this._online.online
    const isNew = this.mode === 'sign-up'
    return html`
      ${offline ? html`<p class="offline" role="status">You're offline. Connect to the internet to sign in.</p>` : nothing}
      ${this.socialError ? html`<p class="form-error social-error" role="alert">${this.socialError}</p>` : nothing}
      <app-social-sign-in
        .mode=${this.mode}
        .redirect=${this.redirect}
        ?disabled=${offline || this._pending}
      ></app-social-sign-in>
      <form novalidate @submit=${this._onSubmit}>
        ${(Object.keys(this._values) as AuthField[]).map((field) => {
          const spec = FIELDS[field]
          const rules = field === 'password' && isNew
          return textField({
            id: field,
            label: spec.label,
            type: spec.type,
            value: this._values[field] ?? '',
            autocomplete: field === 'password' && isNew ? 'new-password' : spec.auto,
            placeholder: field === 'password' && isNew ? 'At least 8 characters' : spec.placeholder,
            error: this._errors[field],
            disabled: offline,
            hint: rules
              ? passwordRulesHint('password-rules', this._values.password ?? '')
              : undefined,
            hintId: rules ? 'password-rules' : undefined,
            onInput: (event) => this._onInput(field, event),
            onBlur: () => this._check(field),
          })
        })}
        <p class="form-error" role="alert">${this._formError}</p>
        <button class="button button--primary" type="submit" ?disabled=${offline || this._pending}>
          ${this._submitLabel()}
        </button>
      </form>
    `
  }

  private _submitLabel(): string {
    if (this.mode === 'sign-in') return this._pending ? 'Signing in…' : 'Sign in'
    return this._pending ? 'Creating account…' : 'Create account'
  }

  private _check(field: AuthField): void {
    const message = checkField(field, this._values, { isNew: this.mode === 'sign-up' })
    this._errors = { ...this._errors, [field]: message }
  }

  private _onInput(field: AuthField, event: InputEvent): void {
    this._values = { ...this._values, [field]: (event.target as HTMLInputElement).value }
    // Once a field has shown an error, it is checked live (docs/product.md §4).
    if (this._errors[field]) this._check(field)
    if (field === 'password' && this._errors.confirm) this._check('confirm')
  }

  private async _onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    if (this._pending) return
    this._errors = checkAll(this._values, { isNew: this.mode === 'sign-up' })
    if (await focusFirstInvalid(this, this._errors, Object.keys(this._values) as AuthField[]))
      return
    this._pending = true
    this._formError = ''
    const email = (this._values.email ?? '').trim()
    const password = this._values.password ?? ''
    try {
      if (this.mode === 'sign-in') await signIn({ email, password })
      else {
        // The verification link comes back to where this visit was going.
        const name = (this._values.name ?? '').trim()
        await signUp({ name, email, password }, safeRedirect(this.redirect))
      }
      navigate(this, safeRedirect(this.redirect), { replace: true })
    } catch (error) {
      this._formError = authErrorText(error, this.mode)
    } finally {
      this._pending = false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-auth-form': AppAuthForm
  }
}
