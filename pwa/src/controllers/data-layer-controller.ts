import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { AuthSnapshot } from '../data/auth-snapshot.ts'
import { hasServerSession, mayHaveLocalData, SIGNED_OUT } from '../data/frame-checks.ts'
import { loadHistoryReads } from '../data/history-reads.ts'
import { historyStartHasCards, readStart } from '../data/history-start.ts'
import type { LiveQueryController } from './live-query-controller.ts'
import { QueryStatus } from './query-status.ts'

/** The data layer the frame loads lazily: Dexie, the session and the sync engine's starter. */
export type FrameData = typeof import('../data/frame.ts')

/**
 * The app frame's data layer, loaded once the first page has painted (or a page needs it first),
 * so no start waits for Dexie: until then the sign-in state is the one read with the start. Once
 * loaded it follows the stored sign-in state (`auth`) and the queue (`waiting`); whenever the
 * device comes online, the server confirms (or ends) the stored session.
 */
export class DataLayerController implements ReactiveController {
  /** The loaded data layer; undefined until `load` has settled. */
  data: FrameData | undefined
  auth: LiveQueryController<AuthSnapshot> | undefined
  waiting: LiveQueryController<number> | undefined
  private _loading: Promise<FrameData> | undefined
  /** The sign-in state read with the start, until the data layer's own query answers. */
  private _startAuth: AuthSnapshot | undefined
  /**
   * Kept once it is yes. A no is asked again: the sign-in page's session code makes the database
   * without the data layer, and once that has loaded nobody asks again.
   */
  private _mayHaveLocalData: Promise<boolean> | undefined

  /**
   * `startLoads` says whether the current page's start loads the data layer once it has painted
   * (then coming online leaves that to it).
   */
  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _startLoads: () => boolean
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

  /** The stored sign-in state as far as the frame knows; undefined until first read. */
  get authState(): AuthSnapshot | undefined {
    return this.auth?.status === QueryStatus.READY ? this.auth.value : this._startAuth
  }

  /**
   * The stored sign-in state for a page's guard: the data layer's read once it has loaded; before
   * that, a read without Dexie, which also reads History's first cards when `history`.
   */
  async readAuth(history: boolean): Promise<AuthSnapshot> {
    const data = this.data
    if (data) {
      const auth = await data.readAuthOrSignedOut()
      // The frame draws this state with the page, not one render later when its query answers.
      this.auth?.seed(auth)
      return auth
    }
    const auth = await readStart(history).catch(() => SIGNED_OUT)
    this._startAuth = auth
    this._host.requestUpdate()
    // With no card to draw first (a new device's History waits for its first pull), the data
    // layer and History's queries load at once, so History follows that pull from its first page.
    if (history && auth.user && !historyStartHasCards()) {
      void this.load().catch(() => undefined)
      void loadHistoryReads(false).catch(() => undefined)
    }
    return auth
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
      const start = this._startAuth
      this.auth = new LiveQueryController(
        this._host,
        data.readAuthOrSignedOut,
        start && { value: start }
      )
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

  /**
   * `load`, with the session check's code loading alongside rather than after it: for a start
   * whose next step is that check (a new browser with a session on the server).
   */
  loadToCheckSession(): Promise<FrameData> {
    void import('../data/session.ts').catch(() => undefined)
    return this.load()
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
    if (this._startLoads()) return
    void (async () => {
      if ((await this.hasLocalData()) || (await hasServerSession())) await this.load()
    })().catch(() => undefined)
  }
}
