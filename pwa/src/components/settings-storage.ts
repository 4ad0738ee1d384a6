import { Task } from '@lit/task'
import { html, LitElement, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import {
  formatBytes,
  isStoragePersisted,
  readStorageEstimate,
  requestPersistentStorage,
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

  /** Whether the browser keeps the data for sure; read with the estimate, set by the button. */
  @state() private _persisted: boolean | undefined

  private readonly _estimate = new Task(this, {
    task: () => Promise.all([readStorageEstimate(), isStoragePersisted()]),
    args: () => [],
    onComplete: ([, persisted]) => {
      this._persisted = persisted
    },
  })

  override render() {
    const unknown = "Storage information isn't available in this browser."
    return html`<section aria-labelledby="storage-title">
      <h2 id="storage-title">Storage</h2>
      <p role="status">
        ${this._estimate.render({
          pending: () => 'Calculating…',
          complete: ([estimate]) =>
            estimate
              ? `Using ${formatBytes(estimate.usage)} of ${formatBytes(estimate.quota)}`
              : unknown,
          error: () => unknown,
        })}
      </p>
      ${this._persistence()}
    </section>`
  }

  /** Reads the estimate again (after images were cleared or exported). */
  async refresh(): Promise<void> {
    await this._estimate.run()
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
