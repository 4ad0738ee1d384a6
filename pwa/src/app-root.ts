import { css, html, LitElement, nothing, type PropertyValues } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import './components/app-logo.ts'
import './components/app-nav.ts'
import './components/app-offline-indicator.ts'
import './components/app-update-banner.ts'
import './pages/page-session-expired.ts'
import type { LiveQueryController } from './controllers/live-query-controller.ts'
import { QueryStatus } from './controllers/query-status.ts'
import type { AuthSnapshot } from './data/auth-snapshot.ts'
import { hasServerSession, mayHaveLocalData } from './data/frame-checks.ts'
import type { AppNavigateEvent } from './events.ts'
import { safeRedirect, signInPathFor } from './navigation.ts'
import { type RouteMatch, Router } from './router.ts'
import { buttonBase, focusRing, visuallyHidden } from './styles/shared.ts'

/** Pages a signed-in user skips: they go on to the app (or the sign-in `redirect`). */
const ENTRY_PATHS: ReadonlySet<string> = new Set(['/', '/sign-in', '/sign-up'])

type FrameData = typeof import('./data/frame.ts')

/** How long a tab that paints no frame (hidden) waits before the work meant for after a paint. */
const HIDDEN_PAINT_WAIT_MS = 500

/** Resolves after the next frame has painted, or soon in a hidden tab, which paints none. */
const afterPaint = (): Promise<void> =>
  new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0))
    setTimeout(resolve, HIDDEN_PAINT_WAIT_MS)
  })

/**
 * Whether the guard needs the sign-in state before showing `match`. The landing page is not held
 * up by the network; the background check moves it on later.
 */
const isGated = (match: RouteMatch): boolean =>
  match.route.needsAuth || (ENTRY_PATHS.has(match.pathname) && match.pathname !== '/')

/**
 * The app frame: skip link, header with the brand and the main navigation, the update and
 * offline bars, and `<main>` holding the routed page. It keeps signed-out visitors out of pages
 * that need sign-in, shows the "session ended" screen in their place after a 401, and runs the
 * sync engine while someone is signed in. Listens for `app-navigate` from anything inside it.
 */
@customElement('app-root')
export class AppRoot extends LitElement {
  static override styles = [
    focusRing,
    visuallyHidden,
    buttonBase,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100dvh;
      }
      .skip-link {
        position: absolute;
        top: var(--app-space-2);
        left: var(--app-space-2);
        z-index: 100;
        transform: translateY(-200%);
      }
      .skip-link:focus {
        transform: none;
      }
      .top {
        position: sticky;
        top: 0;
        z-index: 20;
      }
      /* No backdrop-filter or transform here: either would trap the phone tab bar (fixed). */
      header {
        background: var(--app-color-background);
        border-bottom: 1px solid var(--app-color-border);
      }
      .header-inner {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--app-space-4);
        box-sizing: border-box;
        max-width: var(--app-content-width);
        margin: 0 auto;
        padding: var(--app-space-2) var(--app-space-4);
        padding-top: max(var(--app-space-2), env(safe-area-inset-top, 0px));
      }
      .brand {
        display: inline-flex;
        align-items: center;
        gap: var(--app-space-2);
        min-height: var(--app-touch-target);
        color: var(--app-color-text);
        font-size: var(--app-font-size-lg);
        font-weight: var(--app-font-weight-bold);
        letter-spacing: -0.01em;
        text-decoration: none;
        border-radius: var(--app-radius-sm);
      }
      .header-end {
        display: flex;
        align-items: center;
        gap: var(--app-space-2);
      }
      main {
        flex: 1;
      }
      main.with-tabs {
        padding-bottom: calc(var(--app-nav-height) + env(safe-area-inset-bottom, 0px));
      }
      main:focus {
        outline: none;
      }
      .skeleton {
        box-sizing: border-box;
        max-width: var(--app-content-width);
        margin: 0 auto;
        padding: var(--app-space-6) var(--app-space-4);
      }
      .skeleton div {
        height: 1rem;
        margin-bottom: var(--app-space-3);
        border-radius: var(--app-radius-sm);
        background: var(--app-color-surface-2);
      }
      .skeleton div:first-child {
        width: 40%;
        height: 2rem;
        margin-bottom: var(--app-space-5);
      }
      .load-failed {
        max-width: var(--app-content-width);
        margin: 0 auto;
        padding: var(--app-space-6) var(--app-space-4);
      }
      @media (min-width: 48em) {
        main.with-tabs {
          padding-bottom: 0;
        }
      }
    `,
  ]

  @state() private _announcement = ''

  /** The data layer, loaded once a page needs it or the device holds data (`_loadData`). */
  private _data: FrameData | undefined
  private _loadingData: Promise<FrameData> | undefined
  /**
   * Asked once: until the data layer loads, nothing in this tab can have made the database, and
   * once it has loaded nobody asks again.
   */
  private _mayHaveLocalData: Promise<boolean> | undefined
  private _auth: LiveQueryController<AuthSnapshot> | undefined
  private _waiting: LiveQueryController<number> | undefined
  private readonly _router = new Router(this, {
    announce: (text) => this._announce(text),
    guard: (match, url) => this._guard(match, url),
  })
  private _syncingFor: string | undefined
  private _stopSync: (() => void) | undefined

  override connectedCallback(): void {
    super.connectedCallback()
    this.addEventListener('app-navigate', this._onAppNavigate)
    window.addEventListener('online', this._onOnline)
    if (navigator.onLine) this._onOnline()
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.removeEventListener('app-navigate', this._onAppNavigate)
    window.removeEventListener('online', this._onOnline)
    this._stopSyncing()
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed)
    if (this._auth?.status !== QueryStatus.READY) return
    const userId = this._auth.value?.user?.id
    if (userId === this._syncingFor) return
    const signedOut = this._syncingFor !== undefined && userId === undefined
    this._stopSyncing()
    if (userId) this._startSyncing(userId)
    // Signed out elsewhere (another tab, or the account was deleted): leave the private page.
    if (signedOut && this._router.match.route.needsAuth) this._router.refresh()
    // The landing page does not wait for the server; when it confirms a session, go on.
    if (userId && window.location.pathname === '/') this._router.refresh()
  }

  override render() {
    const user = this._auth?.value?.user
    return html`
      <div class="top">
        <header>
          <!-- A button, not a #main link: the target sits in this shadow root, where fragment
               links (and axe's skip-link check) cannot reach it. Inside the banner, so all content
               stays in landmarks. -->
          <button class="skip-link button button--primary" type="button" @click=${this._onSkip}>
            Skip to content
          </button>
          <div class="header-inner">
            <a class="brand" href="/"><app-logo></app-logo>Addreams</a>
            <div class="header-end">
              <app-nav
                .currentPath=${this._router.match.pathname}
                .signedIn=${Boolean(user)}
              ></app-nav>
              ${user ? html`<app-account-menu .user=${user}></app-account-menu>` : nothing}
            </div>
          </div>
        </header>
        <app-update-banner></app-update-banner>
        <app-offline-indicator .waiting=${this._waiting?.value ?? 0}></app-offline-indicator>
        ${user ? html`<app-verify-notice .user=${user}></app-verify-notice>` : nothing}
      </div>
      <main id="main" class=${this._auth?.value?.user ? 'with-tabs' : ''} tabindex="-1">${this._renderPage()}</main>
      <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>
    `
  }

  private _renderPage() {
    if (this._auth?.value?.expired && this._router.match.route.needsAuth) {
      const { pathname, search } = window.location
      return html`<page-session-expired .returnTo=${pathname + search}></page-session-expired>`
    }
    if (this._router.loadFailed) {
      return html`<div class="load-failed" role="alert">
        <p>This page couldn't be loaded. Check your connection and try again.</p>
        <button class="button button--secondary" type="button" @click=${() => this._router.retry()}>
          Try again
        </button>
      </div>`
    }
    return (
      this._router.page ??
      html`<div class="skeleton" aria-hidden="true"><div></div><div></div><div></div></div>`
    )
  }

  /** Where this visit goes instead of `match`, if anywhere (docs/product.md §9). */
  private async _guard(match: RouteMatch, url: URL): Promise<string | undefined> {
    const gated = isGated(match)
    // A public page on a device that never stored anything is the same for everyone.
    if (!this._data && !gated && !(await this._hasLocalData())) return undefined
    // A device that holds data is most likely signed in: its page loads while the data layer does.
    if (match.route.needsAuth) {
      void this._hasLocalData()
        .then((has) => (has ? match.route.load() : undefined))
        .catch(() => undefined)
    }
    // If the data layer cannot load, the page's own load fails next and offers a retry.
    const data = await this._loadData().catch(() => undefined)
    if (!data) return undefined
    let auth = await data.readStartOrSignedOut(match.route.tag === 'page-history')
    // The frame draws this state with the page, not one render later when its own query answers.
    this._auth?.seed(auth)
    if (!auth.user && gated && navigator.onLine) {
      // A social sign-in comes back with a cookie but nothing stored yet.
      await data.refreshSession().catch(() => undefined)
      auth = await data.readAuthOrSignedOut()
    }
    if (match.route.needsAuth && !auth.user) return signInPathFor(url)
    if (!auth.user || auth.expired || !ENTRY_PATHS.has(match.pathname)) return undefined
    const target =
      match.pathname === '/' ? '/history' : safeRedirect(url.searchParams.get('redirect'))
    return ENTRY_PATHS.has(new URL(target, url).pathname) ? '/history' : target
  }

  /**
   * Loads the data layer once, then follows the stored sign-in state and the queue. The stored
   * user opens the app offline; online, the server confirms (or ends) the session at once.
   */
  private _loadData(): Promise<FrameData> {
    if (this._loadingData) return this._loadingData
    const loading = Promise.all([
      import('./data/frame.ts'),
      import('./controllers/live-query-controller.ts'),
    ]).then(([data, { LiveQueryController }]) => {
      this._data = data
      this._auth = new LiveQueryController(this, data.readAuthOrSignedOut)
      this._waiting = new LiveQueryController(this, data.countWaiting)
      if (navigator.onLine) this._onOnline()
      return data
    })
    // A failed load (offline before the chunks were cached) is tried again next time.
    loading.catch(() => {
      if (this._loadingData === loading) this._loadingData = undefined
    })
    this._loadingData = loading
    return loading
  }

  private _hasLocalData(): Promise<boolean> {
    this._mayHaveLocalData ??= mayHaveLocalData()
    return this._mayHaveLocalData
  }

  /** Starts the sync, and loads the signed-in parts of the frame, once the page has painted. */
  private _startSyncing(userId: string): void {
    this._syncingFor = userId
    void this._router.shown
      .then(afterPaint)
      .then(() => {
        if (this._syncingFor !== userId || this._stopSync) return
        void import('./signed-in-frame.ts')
        this._stopSync = this._data?.startSync()
      })
      .catch((error: unknown) => console.error(error))
  }

  private _stopSyncing(): void {
    this._stopSync?.()
    this._stopSync = undefined
    this._syncingFor = undefined
  }

  private async _announce(text: string): Promise<void> {
    // Clear first so that the same text twice in a row is still announced.
    this._announcement = ''
    await this.updateComplete
    this._announcement = text
  }

  private _onSkip(): void {
    const main = this.renderRoot.querySelector('main')
    const heading = this._router.page?.shadowRoot?.querySelector('h1')
    if (heading) heading.setAttribute('tabindex', '-1')
    ;(heading ?? main)?.focus()
  }

  /** The server confirms (or ends) the stored session; with nothing stored, it may have one. */
  private readonly _onOnline = (): void => {
    const data = this._data
    if (data) {
      void data.refreshSession().catch(() => undefined)
      return
    }
    // The guard of a gated page loads the data layer itself, and that load checks the session.
    if (isGated(this._router.match)) return
    void (async () => {
      if ((await this._hasLocalData()) || (await hasServerSession())) await this._loadData()
    })().catch(() => undefined)
  }

  private readonly _onAppNavigate = (event: AppNavigateEvent): void => {
    this._router.navigate(event.detail.path, { replace: event.detail.replace ?? false })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-root': AppRoot
  }
}
