import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { afterPaint } from '../after-paint.ts'
import type { AuthSnapshot } from '../data/auth-snapshot.ts'
import { hasServerSession, SIGNED_OUT } from '../data/frame-checks.ts'
import { safeRedirect, signInPathFor } from '../navigation.ts'
import type { Router } from '../router.ts'
import type { RouteMatch } from '../routes.ts'
import type { DataLayerController } from './data-layer-controller.ts'

/** Pages a signed-in user skips: they go on to the app (or the sign-in `redirect`). */
const ENTRY_PATHS: ReadonlySet<string> = new Set(['/', '/sign-in', '/sign-up'])

/**
 * Whether the guard needs the sign-in state before showing `match`. The landing page is not held
 * up by the network; the background check moves it on later.
 */
export const isGated = (match: RouteMatch): boolean =>
  match.route.needsAuth || (ENTRY_PATHS.has(match.pathname) && match.pathname !== '/')

/**
 * The frame's sign-in rules: `guard` keeps signed-out visitors out of pages that need sign-in and
 * sends signed-in ones past the entry pages; after each sign-in state change it runs the sync
 * engine for the signed-in user (once the page has painted) and leaves a page the state no longer
 * allows. The first page is decided from a read without Dexie; the data layer loads once it has
 * painted.
 */
export class SessionGuardController implements ReactiveController {
  private _syncingFor: string | undefined
  private _stopSync: (() => void) | undefined

  constructor(
    host: ReactiveControllerHost,
    private readonly _data: DataLayerController,
    private readonly _router: Router
  ) {
    host.addController(this)
    void _router.shown
      .then(afterPaint)
      .then(async () => {
        if (await _data.hasLocalData()) await _data.load()
      })
      .catch(() => undefined)
  }

  hostUpdate(): void {
    const auth = this._data.authState
    if (!auth) return
    const userId = auth.user?.id
    if (userId === this._syncingFor) return
    const signedOut = this._syncingFor !== undefined && userId === undefined
    this._stopSyncing()
    if (userId) this._startSyncing(userId)
    const router = this._router
    // Signed out elsewhere (another tab, or the account was deleted): leave the private page.
    if (signedOut && router.match.route.needsAuth) router.refresh()
    // The landing page does not wait for the server; when it confirms a session, go on.
    if (userId && window.location.pathname === '/') router.refresh()
  }

  hostDisconnected(): void {
    this._stopSyncing()
  }

  /** Where this visit goes instead of `match`, if anywhere (docs/product.md §9). */
  async guard(match: RouteMatch, url: URL): Promise<string | undefined> {
    const layer = this._data
    const gated = isGated(match)
    let auth: AuthSnapshot
    let mayHaveLocalData = true
    if (match.route.needsAuth && !layer.data) {
      // A private page is most likely opened by a signed-in device: its module loads while the
      // stored state is read, not after.
      const reading = layer.readAuth(match.route.tag === 'page-history')
      void match.route.load().catch(() => undefined)
      auth = await reading
    } else if (!layer.data && !(await layer.hasLocalData())) {
      auth = SIGNED_OUT
      mayHaveLocalData = false
    } else {
      auth = await layer.readAuth(false)
    }
    // Nothing stored may still be a signed-in browser: a social sign-in comes back with a cookie
    // but nothing stored yet.
    const stored = async () => mayHaveLocalData && (await layer.hasLocalData())
    if (
      !auth.user &&
      gated &&
      navigator.onLine &&
      ((await stored()) || (await hasServerSession()))
    ) {
      const data = await layer.loadToCheckSession().catch(() => undefined)
      await data?.refreshSession().catch(() => undefined)
      auth = await layer.readAuth(false)
    }
    if (match.route.needsAuth && !auth.user) return signInPathFor(url)
    if (!auth.user || auth.expired || !ENTRY_PATHS.has(match.pathname)) return undefined
    const target =
      match.pathname === '/' ? '/history' : safeRedirect(url.searchParams.get('redirect'))
    return ENTRY_PATHS.has(new URL(target, url).pathname) ? '/history' : target
  }

  /**
   * Starts the sync, and loads the signed-in parts of the frame and the data layer, once the page
   * has painted.
   */
  private _startSyncing(userId: string): void {
    this._syncingFor = userId
    const current = () => this._syncingFor === userId && !this._stopSync
    void this._router.shown
      .then(afterPaint)
      .then(async () => {
        if (!current()) return
        void import('../signed-in-frame.ts')
        const data = await this._data.load()
        if (current()) this._stopSync = data.startSync()
      })
      .catch((error: unknown) => console.error(error))
  }

  private _stopSyncing(): void {
    this._stopSync?.()
    this._stopSync = undefined
    this._syncingFor = undefined
  }
}
