import { html, LitElement } from 'lit'
import { customElement } from 'lit/decorators.js'
import { comingLater, focusRing, pageStyles } from '../styles/shared.ts'

/** `/sign-in`: signing in. Not built yet; it says so. */
@customElement('page-sign-in')
export class PageSignIn extends LitElement {
  static override styles = [pageStyles, focusRing]

  override render() {
    return html`
      <h1>Sign in</h1>
      ${comingLater('Signing in is coming in a later release of Addreams.')}
      <p>New to Addreams? <a href="/sign-up">Create an account</a></p>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-sign-in': PageSignIn
  }
}
