import { html, LitElement } from 'lit'
import { customElement } from 'lit/decorators.js'
import { buttonBase, focusRing, pageStyles } from '../styles/shared.ts'

/** Every path that matches no route. */
@customElement('page-not-found')
export class PageNotFound extends LitElement {
  static override styles = [pageStyles, buttonBase, focusRing]

  override render() {
    return html`
      <h1>Page not found.</h1>
      <p class="lead">The address may be mistyped, or the page may have moved.</p>
      <div class="actions"><a class="button button--primary" href="/">Go home</a></div>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-not-found': PageNotFound
  }
}
