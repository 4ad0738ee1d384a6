import { html, LitElement } from 'lit'
import { customElement } from 'lit/decorators.js'
import { comingLater, focusRing, pageStyles } from '../styles/shared.ts'

/** `/settings`: storage, drafts and app version. Only the version is shown so far. */
@customElement('page-settings')
export class PageSettings extends LitElement {
  static override styles = [pageStyles, focusRing]

  override render() {
    return html`
      <h1>Settings</h1>
      <p class="lead">Storage on this device, drafts and app updates will be managed here.</p>
      ${comingLater('Settings are coming in a later release of Addreams.')}
      <p>App version ${__APP_VERSION__}</p>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-settings': PageSettings
  }
}
