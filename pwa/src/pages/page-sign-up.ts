import { html, LitElement } from 'lit'
import { customElement } from 'lit/decorators.js'
import '../components/app-auth-form.ts'
import { focusRing, pageStyles } from '../styles/shared.ts'

/** `/sign-up`: creating an account; back to `redirect` (or History) after. */
@customElement('page-sign-up')
export class PageSignUp extends LitElement {
  static override styles = [pageStyles, focusRing]

  override render() {
    const redirect = new URLSearchParams(window.location.search).get('redirect')
    const signIn = redirect ? `/sign-in?redirect=${encodeURIComponent(redirect)}` : '/sign-in'
    return html`
      <h1>Create account</h1>
      <app-auth-form mode="sign-up" .redirect=${redirect}></app-auth-form>
      <p>Already have an account? <a href=${signIn}>Sign in</a></p>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-sign-up': PageSignUp
  }
}
