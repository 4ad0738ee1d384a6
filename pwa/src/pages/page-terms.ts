import { html, LitElement } from 'lit'
import { customElement } from 'lit/decorators.js'
import { focusRing, pageStyles } from '../styles/shared.ts'

/** `/terms`: the few rules of using Addreams. Short and plain. */
@customElement('page-terms')
export class PageTerms extends LitElement {
  static override styles = [pageStyles, focusRing]

  override render() {
    return html`
      <h1>Terms</h1>
      <p class="lead">The few rules of using Addreams.</p>
      <p>
        Send only photos you have the right to use, such as photos of your own products, and no
        content that is illegal or harms others. Accounts that break this rule may be closed.
      </p>
      <p>
        Credits are given by the operator; there is no purchase in the app. A request uses one
        credit per image, and images that are never delivered are refunded automatically.
      </p>
      <p>
        Images are made by AI models and may contain mistakes. Check them before you publish them.
        The service is provided as it is, without a guarantee that it is always available.
      </p>
      <p>You can delete your account at any time from your profile.</p>
      <p><a href="/">Back to Addreams</a></p>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-terms': PageTerms
  }
}
