import { Task, TaskStatus } from '@lit/task'
import { html, LitElement } from 'lit'
import { customElement } from 'lit/decorators.js'
import { deleteImageCache, imageCacheStats } from '../data/image-cache.ts'
import { formatBytes } from '../data/storage.ts'
import { emit } from '../events.ts'
import { settingsSection } from '../partials/settings-section.ts'
import { buttonBase, focusRing } from '../styles/shared.ts'
import { confirmDialog } from './app-dialog.ts'

const summary = ({ count, bytes }: { count: number; bytes: number }): string => {
  if (count === 0) return 'No cached images.'
  const images = count === 1 ? '1 image' : `${count} images`
  return `${images}, ${formatBytes(bytes)}. Thumbnails are kept separately.`
}

/**
 * Settings › Cached images: how many full-size images this device keeps and their size, and
 * "Clear cached images" (after a confirm). Thumbnails are not touched.
 *
 * @fires app-storage-changed - Cached images were cleared, so the storage estimate moved.
 */
@customElement('settings-images')
export class SettingsImages extends LitElement {
  static override styles = [buttonBase, focusRing, settingsSection]

  private readonly _stats = new Task(this, { task: imageCacheStats, args: () => [] })

  override render() {
    return html`<section aria-labelledby="images-title">
      <h2 id="images-title">Cached images</h2>
      <p role="status">
        ${this._stats.render({
          pending: () => 'Calculating…',
          complete: summary,
          error: () => "Couldn't read the cached images.",
        })}
      </p>
      <div class="actions">
        <button
          class="button button--secondary"
          type="button"
          ?disabled=${this._stats.status !== TaskStatus.COMPLETE || !this._stats.value?.count}
          @click=${this._onClear}
        >
          Clear cached images
        </button>
      </div>
    </section>`
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
    await this._stats.run()
    emit(this, 'app-storage-changed', {})
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'settings-images': SettingsImages
  }
}
