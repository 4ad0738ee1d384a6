import { css, html, LitElement, nothing, type SVGTemplateResult, svg } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { focusRing } from '../styles/shared.ts'
import { WORKFLOWS } from '../workflows.ts'

interface NavLink {
  href: string
  label: string
  icon: SVGTemplateResult
  /** Other paths that belong to this link's section. */
  section: readonly string[]
}

const LINKS: readonly NavLink[] = [
  {
    href: WORKFLOWS['product-shoot'].path,
    label: WORKFLOWS['product-shoot'].name,
    icon: svg`<path d="M4 8h3l2-3h6l2 3h3a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z"/><circle cx="12" cy="13.5" r="3.5"/>`,
    section: [],
  },
  {
    href: WORKFLOWS['ad-graphic'].path,
    label: WORKFLOWS['ad-graphic'].name,
    icon: svg`<rect x="3" y="4" width="18" height="16" rx="2"/><path d="m3 16 5-5 4 4 3-3 6 6"/><circle cx="16" cy="9" r="1.5"/>`,
    section: [],
  },
  {
    href: '/history',
    label: 'History',
    icon: svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`,
    section: ['/history/'],
  },
  {
    href: '/profile',
    label: 'Profile',
    icon: svg`<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>`,
    section: ['/settings'],
  },
]

/** `page` for the link's own page, `true` inside its section (e.g. a History detail page). */
const currentFor = (link: NavLink, path: string): 'page' | 'true' | undefined => {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path
  if (normalized === link.href) return 'page'
  return link.section.some((p) => normalized.startsWith(p)) ? 'true' : undefined
}

/**
 * The main navigation: a bottom tab bar on phones and a row of links from 48em (768 px) up. A
 * signed-out visitor gets "Sign in" and "Get started" in the header instead.
 *
 * @cssproperty --app-nav-bg - Background of the bottom tab bar. Defaults to `--app-color-surface`.
 */
@customElement('app-nav')
export class AppNav extends LitElement {
  static override styles = [
    focusRing,
    css`
      :host {
        display: block;
      }
      nav {
        position: fixed;
        inset: auto 0 0 0;
        z-index: 10;
        background: var(--app-nav-bg, var(--app-color-surface));
        border-top: 1px solid var(--app-color-border);
        padding-bottom: env(safe-area-inset-bottom, 0px);
      }
      ul {
        display: grid;
        grid-template-columns: repeat(4, 1fr);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      a {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 2px;
        min-height: var(--app-nav-height);
        min-width: var(--app-touch-target);
        color: var(--app-color-text-muted);
        font-size: 0.75rem;
        letter-spacing: -0.01em;
        white-space: nowrap;
        font-weight: var(--app-font-weight-medium);
        text-decoration: none;
        -webkit-tap-highlight-color: transparent;
      }
      a:focus-visible {
        outline-offset: -4px;
        border-radius: var(--app-radius-md);
      }
      .icon {
        display: grid;
        place-items: center;
        width: 3.5rem;
        height: 2rem;
        border-radius: var(--app-radius-pill);
        transition: background-color var(--app-duration) var(--app-easing);
      }
      svg {
        width: 1.5rem;
        height: 1.5rem;
        fill: none;
        stroke: currentColor;
        stroke-width: 1.75;
        stroke-linecap: round;
        stroke-linejoin: round;
      }
      a:hover {
        color: var(--app-color-text);
      }
      a[aria-current] {
        color: var(--app-color-primary);
        font-weight: var(--app-font-weight-bold);
      }
      a[aria-current] .icon {
        background: var(--app-color-primary-soft);
      }
      @media (min-width: 48em) {
        nav {
          position: static;
          background: none;
          border: 0;
          padding: 0;
        }
        ul {
          display: flex;
          gap: var(--app-space-1);
        }
        a {
          flex-direction: row;
          gap: var(--app-space-2);
          min-height: var(--app-touch-target);
          padding: 0 var(--app-space-3);
          border-radius: var(--app-radius-pill);
          font-size: var(--app-font-size-sm);
          transition: background-color var(--app-duration) var(--app-easing);
        }
        a:focus-visible {
          outline-offset: var(--app-focus-ring-offset);
          border-radius: var(--app-radius-pill);
        }
        .icon {
          width: auto;
          height: auto;
          background: none !important;
        }
        svg {
          width: 1.25rem;
          height: 1.25rem;
        }
        a:hover {
          background: var(--app-color-surface-2);
        }
        a[aria-current] {
          background: var(--app-color-primary-soft);
        }
      }
      nav.entry {
        position: static;
        display: flex;
        gap: var(--app-space-2);
        padding: 0;
        border: 0;
        background: none;
      }
      .entry a {
        flex-direction: row;
        min-height: var(--app-touch-target);
        padding: 0 var(--app-space-3);
        border-radius: var(--app-radius-pill);
        font-size: var(--app-font-size-sm);
        color: var(--app-color-primary);
      }
      .entry a.primary,
      .entry a.primary[aria-current] {
        background: var(--app-color-primary);
        color: var(--app-color-on-primary);
      }
      .entry a:focus-visible {
        outline-offset: var(--app-focus-ring-offset);
      }
    `,
  ]

  /** The current `location.pathname`; decides which link is marked current. */
  @property() currentPath = '/'
  /** Whether someone is signed in: the app's sections, or else the way in. */
  @property({ type: Boolean }) signedIn = false

  override render() {
    if (!this.signedIn) {
      return html`<nav class="entry" aria-label="Account">
        <a href="/sign-in" aria-current=${this.currentPath === '/sign-in' ? 'page' : nothing}>Sign in</a>
        <a class="primary" href="/sign-up" aria-current=${this.currentPath === '/sign-up' ? 'page' : nothing}>
          Get started
        </a>
      </nav>`
    }
    return html`<nav aria-label="Main">
      <ul>
        ${LINKS.map(
          (link) => html`<li>
            <a href=${link.href} aria-current=${currentFor(link, this.currentPath) ?? nothing}>
              <span class="icon"><svg viewBox="0 0 24 24" aria-hidden="true">${link.icon}</svg></span>
              <span>${link.label}</span>
            </a>
          </li>`
        )}
      </ul>
    </nav>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-nav': AppNav
  }
}
