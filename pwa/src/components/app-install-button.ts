import { css, html, LitElement, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { AppUpdateController } from '../controllers/app-update-controller.ts'
import { needsIosInstallHint, promptInstall } from '../data/app-update.ts'
import { buttonBase, focusRing } from '../styles/shared.ts'

/**
 * "Install app" while the browser offers installation; on iOS, where there is no such offer, the
 * "Share → Add to Home Screen" hint instead. Renders nothing otherwise (or once installed).
 *
 * @cssproperty --app-install-hint-color - Colour of the iOS hint. Defaults to `--app-color-text-muted`.
 */
@customElement('app-install-button')
export class AppInstallButton extends LitElement {
  static override styles = [
    buttonBase,
    focusRing,
    css`
      :host {
        display: block;
      }
      p {
        margin: 0;
        color: var(--app-install-hint-color, var(--app-color-text-muted));
      }
    `,
  ]

  /** Whether to show the iOS hint when the browser cannot offer installation itself. */
  @property({ type: Boolean, attribute: 'ios-hint' }) iosHint = false

  private readonly _update = new AppUpdateController(this)

  override render() {
    const { installable, installed } = this._update.state
    if (installed) return nothing
    if (installable) {
      return html`<button class="button button--secondary" type="button" @click=${this._onInstall}>
        Install app
      </button>`
    }
    if (this.iosHint && needsIosInstallHint()) {
      return html`<p>To install on iPhone or iPad: Share → Add to Home Screen.</p>`
    }
    return nothing
  }

  private async _onInstall(): Promise<void> {
    await promptInstall()
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-install-button': AppInstallButton
  }
}
