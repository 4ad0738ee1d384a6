import { css, html, LitElement, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import './components/app-logo.ts'
import './components/app-nav.ts'
import './components/app-offline-indicator.ts'
import './components/app-update-banner.ts'
import './pages/page-session-expired.ts'
import { DataLayerController } from './controllers/data-layer-controller.ts'
import { isGated, SessionGuardController } from './controllers/session-guard-controller.ts'
import type { AppNavigateEvent } from './events.ts'
import { Router } from './router.ts'
import { buttonBase, focusRing, visuallyHidden } from './styles/shared.ts'

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

  // In this order: the router shows the first page (its guard reads the sign-in state) before the
  // data layer checks the session of a device that has come online.
  private readonly _router: Router = new Router(this, {
    announce: (text) => this._announce(text),
    guard: (match, url) => this._guard.guard(match, url),
  })
  private readonly _data = new DataLayerController(this, () => isGated(this._router.match))
  private readonly _guard = new SessionGuardController(this, this._data, this._router)

  override connectedCallback(): void {
    super.connectedCallback()
    this.addEventListener('app-navigate', this._onAppNavigate)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.removeEventListener('app-navigate', this._onAppNavigate)
  }

  override render() {
    const user = this._data.authState?.user
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
        <app-offline-indicator .waiting=${this._data.waiting?.value ?? 0}></app-offline-indicator>
        ${user ? html`<app-verify-notice .user=${user}></app-verify-notice>` : nothing}
      </div>
      <main id="main" class=${user ? 'with-tabs' : ''} tabindex="-1">${this._renderPage()}</main>
      <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>
    `
  }

  private _renderPage() {
    if (this._data.authState?.expired && this._router.match.route.needsAuth) {
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

  private readonly _onAppNavigate = (event: AppNavigateEvent): void => {
    this._router.navigate(event.detail.path, { replace: event.detail.replace ?? false })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-root': AppRoot
  }
}
