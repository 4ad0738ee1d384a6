import { html, LitElement } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { deleteImageCache, imageCacheStats } from '../data/image-cache.ts'
import { formatBytes } from '../data/storage.ts'
import { emit } from '../events.ts'
import { settingsSection } from '../partials/settings-section.ts'
import { buttonBase, focusRing } from '../styles/shared.ts'
import { confirmDialog } from './app-dialog.ts'

/**
 * Settings › Cached images: how many full-size images this device keeps and their size, and
 * "Clear cached images" (after a confirm). Thumbnails are not touched.
 *
 * @fires app-storage-changed - Cached images were cleared, so the storage estimate moved.
 */
@customElement('settings-images')
export class SettingsImages extends LitElement {
  static override styles = [buttonBase, focusRing, settingsSection]

  @state() private _stats: { count: number; bytes: number } | undefined

  override connectedCallback(): void {
    super.connectedCallback()
    void this._load()
  }

  override render() {
    const stats = this._stats
    return html`<section aria-labelledby="images-title">
      <h2 id="images-title">Cached images</h2>
      <p role="status">${this._summary()}</p>
      <div class="actions">
        <button
          class="button button--secondary"
          type="button"
          ?disabled=${!stats || stats.count === 0}
          @click=${this._onClear}
        >
          Clear cached images
        </button>
      </div>
    </section>`
  }

  private _summary(): string {
    const stats = this._stats
    if (!stats) return 'Calculating…'
    if (stats.count === 0) return 'No cached images.'
    const images = stats.count === 1 ? '1 image' : `${stats.count} images`
    return `${images}, ${formatBytes(stats.bytes)}. Thumbnails are kept separately.`
  }

  private async _load(): Promise<void> {
    this._stats = await imageCacheStats()
  }

  private async _onClear(): Promise<void> {
    const confirmed = await confirmDialog({
      title: 'Clear cached images?',
      body: 'Full-size images are removed from this device. Thumbnails stay, and images load again when you are online.',
      confirmLabel: 'Clear cached images',
      danger: true,
    })
    if (!confirmed) return
    await deleteImageCache()
    await this._load()
    emit(this, 'app-storage-changed', {})
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'settings-images': SettingsImages
  }
}
