import { html, LitElement } from 'lit'
import { customElement } from 'lit/decorators.js'
import { comingLater, focusRing, pageStyles } from '../styles/shared.ts'

/** `/sign-up`: creating an account. Not built yet; it says so. */
@customElement('page-sign-up')
export class PageSignUp extends LitElement {
  static override styles = [pageStyles, focusRing]

  override render() {
    return html`
      <h1>Create account</h1>
      ${comingLater('Creating an account is coming in a later release of Addreams.')}
      <p>Already have an account? <a href="/sign-in">Sign in</a></p>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-sign-up': PageSignUp
  }
}
