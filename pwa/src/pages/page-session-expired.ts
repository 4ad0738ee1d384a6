import { html, LitElement } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { signInPathFor } from '../navigation.ts'
import { buttonBase, focusRing, pageStyles } from '../styles/shared.ts'

/**
 * Shown by the frame instead of a page that needs sign-in once the server has ended the session
 * (docs/product.md §9.7). Nothing on the device is deleted; "Sign in" comes back to `returnTo`.
 */
@customElement('page-session-expired')
export class PageSessionExpired extends LitElement {
  static override styles = [pageStyles, buttonBase, focusRing]

  /** The path (and query) to come back to after signing in. */
  @property() returnTo = '/history'

  override render() {
    const href = signInPathFor(new URL(this.returnTo, window.location.origin))
    return html`
      <h1>Your session has ended.</h1>
      <p class="lead">Sign in again to continue. Requests waiting on this device are kept.</p>
      <div class="actions"><a class="button button--primary" href=${href}>Sign in</a></div>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-session-expired': PageSessionExpired
  }
}
