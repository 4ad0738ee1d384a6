import { css, html, LitElement, nothing } from 'lit'
import { customElement, query, state } from 'lit/decorators.js'
import { confirmDialog } from '../components/app-dialog.ts'
import '../components/settings-export.ts'
import '../components/settings-images.ts'
import { settingsSection } from '../partials/settings-section.ts'
import '../components/settings-storage.ts'
import type { SettingsStorage } from '../components/settings-storage.ts'
import { AppUpdateController } from '../controllers/app-update-controller.ts'
import { LiveQueryController } from '../controllers/live-query-controller.ts'
import { applyUpdate, promptInstall } from '../data/app-update.ts'
import { discardAllDrafts } from '../data/drafts.ts'
import { cancelAllWaiting } from '../data/outbox.ts'
import { countWaiting } from '../data/outbox-count.ts'
import { buttonBase, focusRing, pageStyles } from '../styles/shared.ts'

const BLOCKED_TEXT = {
  'dirty-form': 'The update waits until your studio changes are saved.',
  sending: 'The update waits until your requests have been sent.',
} as const

/** `/settings`: storage, cached images, drafts, waiting requests, export, and the app itself. */
@customElement('page-settings')
export class PageSettings extends LitElement {
  static override styles = [
    pageStyles,
    buttonBase,
    focusRing,
    settingsSection,
    css`
      :host {
        display: block;
      }
      .sections {
        display: grid;
        gap: var(--app-space-4);
        max-width: 40rem;
      }
    `,
  ]

  @state() private _draftsMessage = ''

  @query('settings-storage') private _storage!: SettingsStorage

  private readonly _waiting = new LiveQueryController(this, () => countWaiting())
  private readonly _app = new AppUpdateController(this)

  override render() {
    return html`<h1>Settings</h1>
      <div class="sections" @app-storage-changed=${this._onStorageChanged}>
        <settings-storage></settings-storage>
        <settings-images></settings-images>
        ${this._drafts()} ${this._queue()}
        <settings-export></settings-export>
        ${this._about()}
      </div>`
  }

  private _drafts() {
    return html`<section aria-labelledby="drafts-title">
      <h2 id="drafts-title">Drafts</h2>
      <p class="muted">Each studio keeps one draft on this device, photos included.</p>
      <div class="actions">
        <button class="button button--secondary" type="button" @click=${this._onDiscardDrafts}>
          Discard drafts
        </button>
      </div>
      <p role="status">${this._draftsMessage}</p>
    </section>`
  }

  private _queue() {
    const waiting = this._waiting.value
    return html`<section aria-labelledby="queue-title">
      <h2 id="queue-title">Waiting requests</h2>
      <p role="status">
        ${
          waiting === undefined
            ? 'Calculating…'
            : waiting === 0
              ? 'No requests are waiting on this device.'
              : `${waiting} ${waiting === 1 ? 'request is' : 'requests are'} waiting on this device.`
        }
      </p>
      <div class="actions">
        <button
          class="button button--secondary"
          type="button"
          ?disabled=${!waiting}
          @click=${this._onCancelWaiting}
        >
          Cancel all waiting
        </button>
      </div>
    </section>`
  }

  private _about() {
    const app = this._app.state
    return html`<section aria-labelledby="app-title">
      <h2 id="app-title">App</h2>
      <p>Version ${__APP_VERSION__}</p>
      <p role="status" class="muted">${this._updateNote()}</p>
      <div class="actions">
        ${
          app.updateAvailable
            ? html`<button class="button button--primary" type="button" @click=${applyUpdate}>
              Update available — Reload
            </button>`
            : nothing
        }
        ${
          app.installable
            ? html`<button class="button button--secondary" type="button" @click=${promptInstall}>
              Install app
            </button>`
            : nothing
        }
      </div>
    </section>`
  }

  private _updateNote(): string {
    const app = this._app.state
    if (app.blockedBy) return BLOCKED_TEXT[app.blockedBy]
    return app.updateAvailable ? '' : 'No update is waiting.'
  }

  private async _onDiscardDrafts(): Promise<void> {
    const confirmed = await confirmDialog({
      title: 'Discard drafts?',
      body: 'The saved forms of both studios, photos included, are removed from this device.',
      confirmLabel: 'Discard drafts',
      danger: true,
    })
    if (!confirmed) return
    await discardAllDrafts()
    this._draftsMessage = 'Drafts discarded.'
  }

  private async _onCancelWaiting(): Promise<void> {
    const confirmed = await confirmDialog({
      title: 'Cancel all waiting requests?',
      body: 'They are removed from this device and never sent. No credits were taken for them.',
      confirmLabel: 'Cancel all waiting',
      cancelLabel: 'Keep them',
      danger: true,
    })
    if (confirmed) await cancelAllWaiting()
  }

  private _onStorageChanged(): void {
    void this._storage.refresh()
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-settings': PageSettings
  }
}
