import { html, LitElement, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { OnlineController } from '../controllers/online-controller.ts'
import { ApiClientError } from '../data/api.ts'
import { errorText } from '../data/error-text.ts'
import { exportFilename, exportHistory } from '../data/export.ts'
import { saveBlob } from '../data/images.ts'
import { settingsSection } from '../partials/settings-section.ts'
import { buttonBase, focusRing } from '../styles/shared.ts'

/**
 * Settings › Export: "Export my history" builds one ZIP of every generation's details and images
 * and downloads it. Offline it can include only the images this device has cached.
 */
@customElement('settings-export')
export class SettingsExport extends LitElement {
  static override styles = [buttonBase, focusRing, settingsSection]

  @state() private _progress: { done: number; total: number } | undefined
  @state() private _result = ''

  private readonly _online = new OnlineController(this)

  override render() {
    const progress = this._progress
    return html`<section aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <p class="muted">
        ${
          this._online.online
            ? 'One ZIP file with every generation’s details (JSON) and its images.'
            : 'You’re offline: the export can include only the images cached on this device.'
        }
      </p>
      <div class="actions">
        <button
          class="button button--secondary"
          type="button"
          ?disabled=${progress !== undefined}
          @click=${this._onExport}
        >
          ${progress ? 'Exporting…' : 'Export my history'}
        </button>
      </div>
      <p role="status">
        ${progress ? `${progress.done} of ${progress.total} generations` : this._result || nothing}
      </p>
    </section>`
  }

  private async _onExport(): Promise<void> {
    this._result = ''
    this._progress = { done: 0, total: 0 }
    try {
      const result = await exportHistory((done, total) => {
        this._progress = { done, total }
      })
      saveBlob(result.zip, exportFilename())
      const generations = `${result.generations} ${result.generations === 1 ? 'generation' : 'generations'}`
      const images = `${result.images} ${result.images === 1 ? 'image' : 'images'}`
      const missing =
        result.missingImages > 0
          ? ` ${result.missingImages} not included: they need a connection.`
          : ''
      this._result = `Exported ${generations} and ${images}.${missing}`
    } catch (error) {
      this._result = error instanceof ApiClientError ? errorText[error.code] : errorText.INTERNAL
    } finally {
      this._progress = undefined
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'settings-export': SettingsExport
  }
}
