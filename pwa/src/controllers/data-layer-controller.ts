import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { AuthSnapshot } from '../data/auth-snapshot.ts'
import { hasServerSession, mayHaveLocalData } from '../data/frame-checks.ts'
import type { LiveQueryController } from './live-query-controller.ts'

/** The data layer the frame loads lazily: Dexie, the session and the sync engine's starter. */
export type FrameData = typeof import('../data/frame.ts')

/**
 * The app frame's data layer, loaded once a page needs it or the device holds data, so a first
 * visit to a public page paints without Dexie. Once loaded it follows the stored sign-in state
 * (`auth`) and the queue (`waiting`); whenever the device comes online, the server confirms (or
 * ends) the stored session.
 */
export class DataLayerController implements ReactiveController {
  /** The loaded data layer; undefined until `load` has settled. */
  data: FrameData | undefined
  auth: LiveQueryController<AuthSnapshot> | undefined
  waiting: LiveQueryController<number> | undefined
  private _loading: Promise<FrameData> | undefined
  /**
   * Kept once it is yes. A no is asked again: the sign-in page's session code makes the database
   * without the data layer, and once that has loaded nobody asks again.
   */
  private _mayHaveLocalData: Promise<boolean> | undefined

  /**
   * `guardLoads` says whether the current page's guard loads the data layer itself (then coming
   * online leaves that to it).
   */
  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _guardLoads: () => boolean
  ) {
    _host.addController(this)
  }

  hostConnected(): void {
    window.addEventListener('online', this._onOnline)
    if (navigator.onLine) this._onOnline()
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this._onOnline)
  }

  /**
   * Loads the data layer once, then follows the stored sign-in state and the queue. The stored
   * user opens the app offline; online, the server confirms (or ends) the session at once.
   */
  load(): Promise<FrameData> {
    if (this._loading) return this._loading
    const loading = Promise.all([
      import('../data/frame.ts'),
      import('./live-query-controller.ts'),
    ]).then(([data, { LiveQueryController }]) => {
      this.data = data
      this.auth = new LiveQueryController(this._host, data.readAuthOrSignedOut)
      this.waiting = new LiveQueryController(this._host, data.countWaiting)
      if (navigator.onLine) this._onOnline()
      return data
    })
    // A failed load (offline before the chunks were cached) is tried again next time.
    loading.catch(() => {
      if (this._loading === loading) this._loading = undefined
    })
    this._loading = loading
    return loading
  }

  async hasLocalData(): Promise<boolean> {
    this._mayHaveLocalData ??= mayHaveLocalData()
    const has = await this._mayHaveLocalData
    if (!has) this._mayHaveLocalData = undefined
    return has
  }

  /** The server confirms (or ends) the stored session; with nothing stored, it may have one. */
  private readonly _onOnline = (): void => {
    const data = this.data
    if (data) {
      void data.refreshSession().catch(() => undefined)
      return
    }
    if (this._guardLoads()) return
    void (async () => {
      if ((await this.hasLocalData()) || (await hasServerSession())) await this.load()
    })().catch(() => undefined)
  }
}
