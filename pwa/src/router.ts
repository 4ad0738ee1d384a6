import type { ReactiveController, ReactiveControllerHost } from 'lit'

/** Path parameters by name, e.g. `{ id: 'abc' }` for `/history/:id`. */
export type Params = Readonly<Record<string, string>>

/** One entry of the route table. */
export interface Route {
  /** Path pattern; a `:name` segment matches any one segment. */
  readonly pattern: string
  /** Tag of the page element. */
  readonly tag: string
  /** Page name, used for `document.title` and the navigation announcement. */
  readonly title: string
  /** Whether the page is only for signed-in users (the app frame's guard sends others to sign-in). */
  readonly needsAuth: boolean
  /** Loads the module that defines `tag`. */
  readonly load: () => Promise<unknown>
  /** Properties to set on the page element, derived from the path parameters. */
  readonly props?: (params: Params) => Record<string, unknown>
}

/** The result of matching a path against the route table. */
export interface RouteMatch {
  readonly route: Route
  readonly params: Params
  readonly pathname: string
}

export const routes: readonly Route[] = [
  {
    pattern: '/',
    tag: 'page-landing',
    title: 'Addreams',
    needsAuth: false,
    load: () => import('./pages/page-landing.ts'),
  },
  {
    pattern: '/sign-in',
    tag: 'page-sign-in',
    title: 'Sign in',
    needsAuth: false,
    load: () => import('./pages/page-sign-in.ts'),
  },
  {
    pattern: '/sign-up',
    tag: 'page-sign-up',
    title: 'Create account',
    needsAuth: false,
    load: () => import('./pages/page-sign-up.ts'),
  },
  {
    pattern: '/forgot-password',
    tag: 'page-forgot-password',
    title: 'Reset your password',
    needsAuth: false,
    load: () => import('./pages/page-forgot-password.ts'),
  },
  {
    pattern: '/reset-password',
    tag: 'page-reset-password',
    title: 'Choose a new password',
    needsAuth: false,
    load: () => import('./pages/page-reset-password.ts'),
  },
  {
    pattern: '/studio/product-shoot',
    tag: 'page-studio',
    title: 'Product Shoot',
    needsAuth: true,
    load: () => import('./pages/page-studio.ts'),
    props: () => ({ workflow: 'product-shoot' }),
  },
  {
    pattern: '/studio/ad-graphic',
    tag: 'page-studio',
    title: 'Ad Graphic',
    needsAuth: true,
    load: () => import('./pages/page-studio.ts'),
    props: () => ({ workflow: 'ad-graphic' }),
  },
  {
    pattern: '/history',
    tag: 'page-history',
    title: 'History',
    needsAuth: true,
    load: () => import('./pages/page-history.ts'),
  },
  {
    pattern: '/history/:id',
    tag: 'page-history-detail',
    title: 'Generation details',
    needsAuth: true,
    load: () => import('./pages/page-history-detail.ts'),
    props: (params) => ({ generationId: params.id }),
  },
  {
    pattern: '/profile',
    tag: 'page-profile',
    title: 'Profile',
    needsAuth: true,
    load: () => import('./pages/page-profile.ts'),
  },
  {
    pattern: '/credits',
    tag: 'page-credits',
    title: 'Buy credits',
    needsAuth: true,
    load: () => import('./pages/page-credits.ts'),
  },
  {
    pattern: '/credits/return',
    tag: 'page-credits-return',
    title: 'Buying credits',
    needsAuth: true,
    load: () => import('./pages/page-credits-return.ts'),
  },
  {
    pattern: '/settings',
    tag: 'page-settings',
    title: 'Settings',
    needsAuth: true,
    load: () => import('./pages/page-settings.ts'),
  },
  {
    pattern: '/privacy',
    tag: 'page-privacy',
    title: 'Privacy',
    needsAuth: false,
    load: () => import('./pages/page-privacy.ts'),
  },
  {
    pattern: '/terms',
    tag: 'page-terms',
    title: 'Terms',
    needsAuth: false,
    load: () => import('./pages/page-terms.ts'),
  },
]

/** What every path that matches no route gets. */
export const notFoundRoute: Route = {
  pattern: '*',
  tag: 'page-not-found',
  title: 'Page not found',
  needsAuth: false,
  load: () => import('./pages/page-not-found.ts'),
}

const segments = (path: string): string[] => path.split('/').filter((s) => s !== '')

const matchPattern = (pattern: string, parts: readonly string[]): Params | undefined => {
  const want = segments(pattern)
  if (want.length !== parts.length) return undefined
  const params: Record<string, string> = {}
  for (const [i, seg] of want.entries()) {
    const part = parts[i] ?? ''
    if (seg.startsWith(':')) params[seg.slice(1)] = part
    else if (seg !== part) return undefined
  }
  return params
}

/**
 * Finds the route for a pathname; unknown paths get `notFoundRoute`. A trailing slash is ignored.
 *
 * @example matchRoute('/history/abc') // { route: <the /history/:id route>, params: { id: 'abc' } }
 */
export const matchRoute = (pathname: string): RouteMatch => {
  let parts: string[]
  try {
    parts = segments(pathname).map(decodeURIComponent)
  } catch {
    return { route: notFoundRoute, params: {}, pathname } // malformed percent-encoding
  }
  for (const route of routes) {
    const params = matchPattern(route.pattern, parts)
    if (params) return { route, params, pathname }
  }
  return { route: notFoundRoute, params: {}, pathname }
}

/** `document.title` for a route. */
export const documentTitle = (route: Route): string =>
  route.title === 'Addreams'
    ? 'Addreams · Product shots and ad graphics'
    : `${route.title} · Addreams`

/**
 * Whether a click on this link should be handled by the router rather than the browser: only
 * same-origin links to another app page, opened in the same tab, not downloads, not `/api`.
 */
export const isRoutableLink = (anchor: HTMLAnchorElement, current: URL): boolean => {
  if (!anchor.hasAttribute('href') || anchor.hasAttribute('download')) return false
  const target = anchor.getAttribute('target')
  if (target && target !== '_self') return false
  if (/\bexternal\b/.test(anchor.getAttribute('rel') ?? '')) return false
  const url = new URL(anchor.href, current)
  if (url.origin !== current.origin || url.pathname.startsWith('/api/')) return false
  const samePage = url.pathname === current.pathname && url.search === current.search
  return !(samePage && url.hash !== '')
}

interface RouterOptions {
  /** Called with the page name after each navigation, for a polite live region. */
  announce?: (text: string) => void
  /**
   * Decides, before the page loads, whether this visit goes elsewhere instead (e.g. to sign-in);
   * returns that path, or undefined to show the page.
   */
  guard?: (match: RouteMatch, url: URL) => Promise<string | undefined>
}

/**
 * History-API router as a reactive controller: it matches `location.pathname`, lazy-loads the
 * page, creates its element in `page`, and re-renders the host. It handles same-origin link
 * clicks (also inside shadow roots) and back/forward, sets `document.title`, and after each
 * navigation moves focus to the page's `<h1>` for screen-reader and keyboard users.
 */
export class Router implements ReactiveController {
  /** The current match; set before the page has loaded. */
  match: RouteMatch = matchRoute(window.location.pathname)
  /** The element of the current page, once its module has loaded. */
  page: HTMLElement | undefined
  /** Set when the page's module failed to load (e.g. offline before it was cached). */
  loadFailed = false
  /**
   * Settles once the first page has rendered (or failed to load): work that can wait, such as
   * the sync engine, starts after it rather than competing with it.
   */
  readonly shown: Promise<void>
  private readonly _host: ReactiveControllerHost & HTMLElement
  private readonly _options: RouterOptions
  private _seq = 0
  private _markShown: () => void = () => undefined

  constructor(host: ReactiveControllerHost & HTMLElement, options: RouterOptions = {}) {
    this._host = host
    this._options = options
    this.shown = new Promise((resolve) => {
      this._markShown = resolve
    })
    host.addController(this)
  }

  hostConnected(): void {
    window.addEventListener('click', this._onClick)
    window.addEventListener('popstate', this._onPopState)
    void this._show(false)
  }

  hostDisconnected(): void {
    window.removeEventListener('click', this._onClick)
    window.removeEventListener('popstate', this._onPopState)
  }

  /** Pushes (or replaces) a history entry for `path` and shows its page. */
  navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
    const url = new URL(path, window.location.href)
    if (url.origin !== window.location.origin) {
      window.location.assign(url)
      return
    }
    if (url.href === window.location.href) return
    if (replace) window.history.replaceState(null, '', url)
    else window.history.pushState(null, '', url)
    window.scrollTo(0, 0)
    void this._show(true)
  }

  /** Tries to load the current page again after a failed load. */
  retry(): void {
    void this._show(true)
  }

  /** Runs the guard and shows the current URL's page again (e.g. after signing out). */
  refresh(): void {
    void this._show(false)
  }

  private async _show(moveFocus: boolean): Promise<void> {
    const seq = ++this._seq
    const url = new URL(window.location.href)
    const match = matchRoute(url.pathname)
    this.match = match
    this._host.requestUpdate()
    const redirect = await this._options.guard?.(match, url)
    if (seq !== this._seq) return
    if (redirect !== undefined) {
      window.history.replaceState(null, '', redirect)
      void this._show(moveFocus)
      return
    }
    try {
      await match.route.load()
    } catch (error) {
      if (seq !== this._seq) return
      console.error(error)
      this.loadFailed = true
      this._host.requestUpdate()
      this._markShown()
      return
    }
    if (seq !== this._seq) return // a later navigation won
    const page = document.createElement(match.route.tag)
    Object.assign(page, match.route.props?.(match.params))
    this.page = page
    this.loadFailed = false
    document.title = documentTitle(match.route)
    this._host.requestUpdate()
    await this._host.updateComplete
    await (page as Partial<ReactiveControllerHost>).updateComplete
    if (seq !== this._seq) return
    this._markShown()
    if (!moveFocus) return // on first load the browser reads the new document by itself
    this._focusHeading(page)
    this._options.announce?.(match.route.title)
  }

  private _focusHeading(page: HTMLElement): void {
    const heading = (page.shadowRoot ?? page).querySelector('h1')
    if (!heading) return
    heading.setAttribute('tabindex', '-1')
    heading.focus({ preventScroll: true })
  }

  private readonly _onPopState = (): void => {
    void this._show(true)
  }

  private readonly _onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    const anchor = event
      .composedPath()
      .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement)
    if (!anchor || !isRoutableLink(anchor, new URL(window.location.href))) return
    event.preventDefault()
    this.navigate(anchor.href)
  }
}
