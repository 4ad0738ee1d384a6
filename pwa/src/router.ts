import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { documentTitle, matchRoute, type RouteMatch } from './routes.ts'

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
      // Awaiting the import of a module already evaluated let a frame be drawn without the page
      // (a trace of History's cold start showed one); a defined element needs no import.
      if (!customElements.get(match.route.tag)) await match.route.load()
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
