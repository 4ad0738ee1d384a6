import { html, LitElement } from 'lit'
import { customElement } from 'lit/decorators.js'
import '../components/app-auth-form.ts'
import { socialErrorText } from '../data/error-text.ts'
import { focusRing, pageStyles } from '../styles/shared.ts'

/** `/sign-up`: creating an account; back to `redirect` (or History) after. */
@customElement('page-sign-up')
export class PageSignUp extends LitElement {
  static override styles = [pageStyles, focusRing]

  override render() {
    const params = new URLSearchParams(window.location.search)
    const redirect = params.get('redirect')
    // A social sign-in that did not finish comes back here (socialSignInUrl's errorPath).
    const error = params.get('error')
    const socialError = error ? socialErrorText(error, params.get('social')) : ''
    const signIn = redirect ? `/sign-in?redirect=${encodeURIComponent(redirect)}` : '/sign-in'
    return html`
      <h1>Create account</h1>
      <app-auth-form
        mode="sign-up"
        .redirect=${redirect}
        .socialError=${socialError}
      ></app-auth-form>
      <p>Already have an account? <a href=${signIn}>Sign in</a></p>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-sign-up': PageSignUp
  }
}
