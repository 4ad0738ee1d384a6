import { html, LitElement, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import {
  formatBytes,
  isStoragePersisted,
  readStorageEstimate,
  requestPersistentStorage,
  type StorageEstimate,
} from '../data/storage.ts'
import { settingsSection } from '../partials/settings-section.ts'
import { buttonBase, focusRing } from '../styles/shared.ts'

/**
 * Settings › Storage: "Using X of Y" from the storage estimate, and whether the browser keeps
 * the data for sure, with "Keep my data on this device" when it does not.
 */
@customElement('settings-storage')
export class SettingsStorage extends LitElement {
  static override styles = [buttonBase, focusRing, settingsSection]

  @state() private _estimate: StorageEstimate | undefined | 'loading' = 'loading'
  @state() private _persisted: boolean | undefined

  override connectedCallback(): void {
    super.connectedCallback()
    void this.refresh()
  }

  override render() {
    return html`<section aria-labelledby="storage-title">
      <h2 id="storage-title">Storage</h2>
      <p role="status">${this._usage()}</p>
      ${this._persistence()}
    </section>`
  }

  /** Reads the estimate again (after images were cleared or exported). */
  async refresh(): Promise<void> {
    const [estimate, persisted] = await Promise.all([readStorageEstimate(), isStoragePersisted()])
    this._estimate = estimate
    this._persisted = persisted
  }

  private _usage(): string {
    const estimate = this._estimate
    if (estimate === 'loading') return 'Calculating…'
    if (!estimate) return "Storage information isn't available in this browser."
    return `Using ${formatBytes(estimate.usage)} of ${formatBytes(estimate.quota)}`
  }

  private _persistence() {
    if (this._persisted === undefined) return nothing
    if (this._persisted) {
      return html`<p class="muted">Your data is kept on this device until you remove it.</p>`
    }
    return html`<p class="muted">The browser may clear this data when the device runs low on space.</p>
      <div class="actions">
        <button class="button button--secondary" type="button" @click=${this._onPersist}>
          Keep my data on this device
        </button>
      </div>`
  }

  private async _onPersist(): Promise<void> {
    this._persisted = await requestPersistentStorage()
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'settings-storage': SettingsStorage
  }
}
