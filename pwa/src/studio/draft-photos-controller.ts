import type { ReactiveControllerHost } from 'lit'
import { confirmDialog } from '../components/app-dialog.ts'
import { prepareFiles } from './prepare-files.ts'

/**
 * The Product Shoot draft's photos, in their order: added after preparing them on the device
 * (docs/product.md §5.1), reordered, removed after asking. Every change is autosaved with the
 * draft; owned by `DraftController`.
 */
export class DraftPhotosController {
  /** The prepared photos; "Image N" is `photos[N - 1]`. */
  photos: Blob[] = []
  /** What the last pick or prefill has to say about the photos. */
  messages: string[] = []
  /** True while picked photos are being prepared. */
  busy = false

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _draft: { schedule(): void; markBusy(): void },
    private readonly _max: () => number
  ) {}

  /** Puts photos from the draft or an earlier request in place, without saving them again. */
  restore(photos: Blob[], messages?: string[]): void {
    this.photos = photos
    if (messages) this.messages = messages
    this._host.requestUpdate()
  }

  /** Prepares and adds `files` (after the current photos, or instead of them); returns how many fit. */
  async add(files: File[], replace: boolean): Promise<number> {
    const max = this._max()
    const base = replace ? [] : this.photos
    this.busy = true
    this._draft.markBusy()
    this._host.requestUpdate()
    const { photos, messages } = await prepareFiles(files, max - base.length, max)
    this.photos = [...base, ...photos]
    this.messages = messages
    this.busy = false
    this._host.requestUpdate()
    this._draft.schedule()
    return photos.length
  }

  /** Moves a photo; returns the sentence that tells screen reader users where it went. */
  move(from: number, to: number): string | undefined {
    const photos = [...this.photos]
    const [moved] = photos.splice(from, 1)
    if (!moved) return undefined
    photos.splice(to, 0, moved)
    this.photos = photos
    this._host.requestUpdate()
    this._draft.schedule()
    return `Image ${from + 1} is now image ${to + 1}.`
  }

  /** Removes photo `index` once the user confirms. */
  async remove(index: number): Promise<void> {
    const remove = await confirmDialog({
      title: 'Remove this photo?',
      confirmLabel: 'Remove',
      danger: true,
    })
    if (!remove) return
    this.photos = this.photos.filter((_, i) => i !== index)
    this.messages = []
    this._host.requestUpdate()
    this._draft.schedule()
  }

  /** Empties the list (Start over). */
  clear(): void {
    this.photos = []
    this.messages = []
    this._host.requestUpdate()
  }
}
