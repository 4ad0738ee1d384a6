import { css, html, LitElement, nothing } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { deleteAccount, hasPassword } from '../data/account.ts'
import { ApiClientError } from '../data/api.ts'
import type { AuthErrorCode } from '../data/client-errors.ts'
import { navigate } from '../navigation.ts'
import { formStyles, textField } from '../partials/form-field.ts'
import { profileSectionStyles } from '../styles/profile.styles.ts'
import { buttonBase, focusRing } from '../styles/shared.ts'

const authCode = (error: unknown): AuthErrorCode | undefined =>
  error instanceof ApiClientError ? error.authCode : undefined

/**
 * The danger zone: "Delete account" opens a modal that asks for the password (accounts that have
 * one). Social-only accounts rely on a recent sign-in, and are told to sign in again otherwise.
 * This needs a field, so it is its own `<dialog>` rather than `confirmDialog`.
 *
 * @cssproperty --app-delete-account-accent - Colour of the danger button. Defaults to `--app-color-danger`.
 */
@customElement('app-delete-account')
export class AppDeleteAccount extends LitElement {
  static override styles = [
    profileSectionStyles,
    formStyles,
    buttonBase,
    focusRing,
    css`
      .button--danger {
        background: var(--app-delete-account-accent, var(--app-color-danger));
        color: var(--app-color-surface);
      }
      dialog {
        box-sizing: border-box;
        width: min(28rem, calc(100vw - 2 * var(--app-space-4)));
        padding: var(--app-space-5);
        border: 1px solid var(--app-color-border);
        border-radius: var(--app-radius-lg);
        background: var(--app-color-surface);
        color: var(--app-color-text);
      }
      dialog::backdrop {
        background: color-mix(in srgb, var(--app-color-background) 75%, transparent);
      }
      .actions {
        display: flex;
        flex-wrap: wrap-reverse;
        justify-content: flex-end;
        gap: var(--app-space-3);
      }
    `,
  ]

  /** Whether the device is online; deleting needs the server. */
  @property({ type: Boolean }) online = true

  @state() private _needsPassword = true
  @state() private _password = ''
  @state() private _error = ''
  @state() private _pending = false

  @query('dialog') private _dialog!: HTMLDialogElement

  override render() {
    return html`
      ${this.online ? nothing : html`<p class="needs-connection">Needs a connection</p>`}
      <button class="button button--danger" type="button" ?disabled=${!this.online} @click=${this._onOpen}>
        Delete account
      </button>
      <dialog aria-labelledby="delete-title" aria-describedby="delete-body">
        <form novalidate @submit=${this._onSubmit}>
          <h2 id="delete-title">Delete your account?</h2>
          <p id="delete-body">
            This permanently deletes your account, all generations and images, and your credits.
            This can't be undone.
          </p>
          ${
            this._needsPassword
              ? textField({
                  id: 'delete-password',
                  label: 'Password',
                  type: 'password',
                  value: this._password,
                  autocomplete: 'current-password',
                  error: this._error || undefined,
                  onInput: (event) => {
                    this._password = (event.target as HTMLInputElement).value
                  },
                  onBlur: () => undefined,
                })
              : html`<p class="form-error" role="alert">${this._error}</p>`
          }
          <div class="actions">
            <button class="button button--secondary" type="button" @click=${this._onCancel}>Cancel</button>
            <button class="button button--danger" type="submit" ?disabled=${this._pending}>Delete account</button>
          </div>
        </form>
      </dialog>
    `
  }

  private async _onOpen(): Promise<void> {
    this._password = ''
    this._error = ''
    this._needsPassword = await hasPassword().catch(() => true)
    this._dialog.showModal()
  }

  private _onCancel(): void {
    this._dialog.close()
  }

  private async _onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    if (this._needsPassword && this._password === '') {
      this._error = 'Enter your password.'
      return
    }
    this._pending = true
    this._error = ''
    try {
      await deleteAccount(this._needsPassword ? this._password : undefined)
      this._dialog.close()
      navigate(this, '/', { replace: true })
    } catch (error) {
      const code = authCode(error)
      if (code === 'SESSION_EXPIRED') this._error = 'Sign in again to delete your account.'
      else if (code === 'INVALID_PASSWORD') this._error = 'Current password is incorrect.'
      else this._error = "Couldn't delete your account. Please try again."
    } finally {
      this._pending = false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-delete-account': AppDeleteAccount
  }
}
