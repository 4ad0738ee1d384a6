import { css, html, LitElement, nothing } from 'lit'
import { customElement } from 'lit/decorators.js'
import { AppUpdateController } from '../controllers/app-update-controller.ts'
import { applyUpdate, type UpdateBlocker } from '../data/app-update.ts'
import { buttonBase, focusRing, noticeBar } from '../styles/shared.ts'

const WAITING_TEXT: Record<UpdateBlocker, string> = {
  'dirty-form': 'The app reloads once the form you are editing is saved or cleared.',
  sending: 'The app reloads once your requests have been sent.',
}

/**
 * "Update available — Reload" while a new version of the app waits. The banner sits in a polite
 * live region, because the update arrives without any action of the user. Reloading waits for
 * dirty forms and a sending queue, and says so.
 *
 * @cssproperty --app-update-banner-bg - Banner background. Defaults to `--app-color-primary-soft`.
 */
@customElement('app-update-banner')
export class AppUpdateBanner extends LitElement {
  static override styles = [
    buttonBase,
    focusRing,
    noticeBar,
    css`
      :host {
        display: block;
        --app-notice-bar-bg: var(--app-update-banner-bg, var(--app-color-primary-soft));
      }
      .why {
        flex-basis: 100%;
        text-align: center;
        color: var(--app-color-text-muted);
      }
    `,
  ]

  private readonly _update = new AppUpdateController(this)

  override render() {
    const { updateAvailable, blockedBy } = this._update.state
    return html`<div role="status" aria-live="polite">
      ${
        updateAvailable
          ? html`<div class="notice-bar">
              <p>Update available</p>
              <button class="button button--primary" type="button" @click=${this._onReload}>
                Reload
              </button>
              ${blockedBy ? html`<p class="why">${WAITING_TEXT[blockedBy]}</p>` : nothing}
            </div>`
          : nothing
      }
    </div>`
  }

  private _onReload(): void {
    applyUpdate()
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-update-banner': AppUpdateBanner
  }
}
