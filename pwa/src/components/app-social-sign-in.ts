import type { SocialProvider } from '@app/shared-types'
import { css, html, LitElement, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { authErrorText } from '../data/error-text.ts'
import { socialSignInUrl } from '../data/sign-in.ts'
import { readSocialProviders } from '../data/social-providers.ts'
import { safeRedirect } from '../navigation.ts'
import { buttonBase, focusRing } from '../styles/shared.ts'

const PROVIDERS: readonly { id: SocialProvider; label: string }[] = [
  { id: 'google', label: 'Continue with Google' },
  { id: 'github', label: 'Continue with GitHub' },
]

/**
 * "Continue with Google / GitHub" for the providers `/api/config` lists as enabled, then an "or"
 * divider. With none enabled it renders nothing at all (docs/product.md §9.2).
 */
@customElement('app-social-sign-in')
export class AppSocialSignIn extends LitElement {
  static override styles = [
    buttonBase,
    focusRing,
    css`
      :host {
        display: block;
      }
      .social {
        display: grid;
        gap: var(--app-space-3);
        max-width: 26rem;
      }
      .divider {
        margin: var(--app-space-5) 0;
        max-width: 26rem;
        color: var(--app-color-text-muted);
        text-align: center;
      }
      .error {
        margin: 0;
        color: var(--app-color-danger);
      }
      .error:empty {
        display: none;
      }
    `,
  ]

  /** Which form it sits on; decides the failure text. */
  @property() mode: 'sign-in' | 'sign-up' = 'sign-in'
  /** The `redirect` query value; the provider returns there when it is a safe path. */
  @property() redirect: string | null = null
  /** Disables the buttons (offline, or the form is sending). */
  @property({ type: Boolean }) disabled = false

  @state() private _pending = false
  @state() private _error = ''

  /** The providers the server offers; none until it has answered, or offline. */
  @state() private _offered: readonly SocialProvider[] = []

  override connectedCallback(): void {
    super.connectedCallback()
    void readSocialProviders()
      .then((offered) => {
        this._offered = offered
      })
      .catch(() => undefined)
  }

  override render() {
    const enabled = PROVIDERS.filter((p) => this._offered.includes(p.id))
    if (enabled.length === 0) return nothing
    return html`<div class="social">
        ${enabled.map(
          (p) => html`<button class="button button--secondary" type="button"
            ?disabled=${this.disabled || this._pending} @click=${() => this._onSocial(p.id)}>${p.label}</button>`
        )}
        <p class="error" role="alert">${this._error}</p>
      </div>
      <p class="divider">or</p>`
  }

  private async _onSocial(provider: SocialProvider): Promise<void> {
    this._pending = true
    this._error = ''
    const back = new URLSearchParams({ social: provider })
    if (this.redirect) back.set('redirect', safeRedirect(this.redirect))
    try {
      window.location.assign(
        await socialSignInUrl(provider, safeRedirect(this.redirect), `/${this.mode}?${back}`)
      )
    } catch (error) {
      this._error = authErrorText(error, this.mode)
      this._pending = false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-social-sign-in': AppSocialSignIn
  }
}
