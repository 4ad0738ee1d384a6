import { html, LitElement } from 'lit'
import { customElement } from 'lit/decorators.js'
import '../components/app-auth-form.ts'
import { socialErrorText } from '../data/error-text.ts'
import { focusRing, pageStyles } from '../styles/shared.ts'

/** `/sign-in`: email and password (and social providers when enabled); back to `redirect` after. */
@customElement('page-sign-in')
export class PageSignIn extends LitElement {
  static override styles = [pageStyles, focusRing]

  override render() {
    const params = new URLSearchParams(window.location.search)
    const redirect = params.get('redirect')
    // A social sign-in that did not finish comes back here (socialSignInUrl's errorPath).
    const error = params.get('error')
    const socialError = error ? socialErrorText(error, params.get('social')) : ''
    const signUp = redirect ? `/sign-up?redirect=${encodeURIComponent(redirect)}` : '/sign-up'
    return html`
      <h1>Sign in</h1>
      <app-auth-form
        mode="sign-in"
        .redirect=${redirect}
        .socialError=${socialError}
      ></app-auth-form>
      <p>New to Addreams? <a href=${signUp}>Create an account</a></p>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-sign-in': PageSignIn
  }
}
