import { html, LitElement } from 'lit'
import { customElement } from 'lit/decorators.js'
import { comingLater, focusRing, pageStyles } from '../styles/shared.ts'

/** `/history`: every generation. Not built yet; it says so. */
@customElement('page-history')
export class PageHistory extends LitElement {
  static override styles = [pageStyles, focusRing]

  override render() {
    return html`
      <h1>History</h1>
      <p class="lead">Your product shoots and ad graphics will be listed here.</p>
      ${comingLater('History is coming in a later release of Addreams.')}
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-history': PageHistory
  }
}
