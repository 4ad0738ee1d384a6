import { html, LitElement } from 'lit'
import { customElement } from 'lit/decorators.js'
import { comingLater, focusRing, pageStyles } from '../styles/shared.ts'

/** `/profile`: account, credits and sessions. Not built yet; it links to Settings. */
@customElement('page-profile')
export class PageProfile extends LitElement {
  static override styles = [pageStyles, focusRing]

  override render() {
    return html`
      <h1>Profile</h1>
      <p class="lead">Your account, credits and signed-in devices will be shown here.</p>
      ${comingLater('Your profile is coming in a later release of Addreams.')}
      <p><a href="/settings">Settings</a></p>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-profile': PageProfile
  }
}
