// The route table: each path of the app, the page element it shows and whether it needs sign-in.
// Each page loads on demand through its `load`; the router is the one module that imports this
// one for more than its types.

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
