import { describe, expect, it } from 'vitest'
import { isRoutableLink } from './router.ts'
import { documentTitle, matchRoute, notFoundRoute, routes } from './routes.ts'

describe('matchRoute', () => {
  it.each([
    ['/', 'page-landing'],
    ['/sign-in', 'page-sign-in'],
    ['/sign-up', 'page-sign-up'],
    ['/studio/product-shoot', 'page-studio'],
    ['/studio/ad-graphic', 'page-studio'],
    ['/history', 'page-history'],
    ['/history/abc', 'page-history-detail'],
    ['/profile', 'page-profile'],
    ['/settings', 'page-settings'],
    ['/credits', 'page-credits'],
    ['/credits/return', 'page-credits-return'],
  ])('should match %s to <%s>', (path, tag) => {
    expect(matchRoute(path).route.tag).toBe(tag)
  })

  it('should ignore a trailing slash', () => {
    expect(matchRoute('/history/').route.tag).toBe('page-history')
    expect(matchRoute('/studio/ad-graphic/').route.tag).toBe('page-studio')
  })

  it('should pass the workflow of each studio to the page', () => {
    const { route: shoot, params } = matchRoute('/studio/product-shoot')
    expect(shoot.props?.(params)).toEqual({ workflow: 'product-shoot' })
    const { route: ad } = matchRoute('/studio/ad-graphic')
    expect(ad.props?.({})).toEqual({ workflow: 'ad-graphic' })
  })

  it('should capture and decode the :id parameter', () => {
    const { route, params } = matchRoute('/history/0f8e%20x')
    expect(params).toEqual({ id: '0f8e x' })
    expect(route.props?.(params)).toEqual({ generationId: '0f8e x' })
    expect(matchRoute('/history/3b2c1a').params).toEqual({ id: '3b2c1a' })
  })

  it.each([
    '/nope',
    '/studio',
    '/studio/other',
    '/history/a/b',
    '/sign-in/extra',
    '/SETTINGS',
    '/api/health',
    '/history/%E0%A4%A',
  ])('should give %s the not-found page', (path) => {
    const match = matchRoute(path)
    expect(match.route).toBe(notFoundRoute)
    expect(match.route.tag).toBe('page-not-found')
    expect(match.params).toEqual({})
  })

  it('should mark only the app pages as needing sign-in', () => {
    const open = routes.filter((r) => !r.needsAuth).map((r) => r.pattern)
    expect(open).toEqual([
      '/',
      '/sign-in',
      '/sign-up',
      '/forgot-password',
      '/reset-password',
      '/privacy',
      '/terms',
    ])
    expect(notFoundRoute.needsAuth).toBe(false)
  })

  it('should title every page', () => {
    expect(documentTitle(matchRoute('/').route)).toBe('Addreams · Product shots and ad graphics')
    expect(documentTitle(matchRoute('/history').route)).toBe('History · Addreams')
    expect(documentTitle(notFoundRoute)).toBe('Page not found · Addreams')
  })
})

describe('route loaders', () => {
  it.each([...routes, notFoundRoute].map((r) => [r.pattern, r] as const))(
    'should define the page element of %s',
    async (_pattern, route) => {
      await route.load()
      const ctor = customElements.get(route.tag)
      expect(ctor).toBeDefined()
      const el = document.createElement(route.tag)
      Object.assign(el, route.props?.({ id: 'x' }))
      document.body.append(el)
      await (el as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete
      expect(el.shadowRoot?.querySelectorAll('h1')).toHaveLength(1)
      el.remove()
    }
  )
})

describe('isRoutableLink', () => {
  const here = new URL('http://localhost:3000/history?x=1')
  const link = (attrs: Record<string, string>): HTMLAnchorElement => {
    const a = document.createElement('a')
    for (const [k, v] of Object.entries(attrs)) a.setAttribute(k, v)
    return a
  }

  it('should route same-origin app links', () => {
    expect(isRoutableLink(link({ href: '/profile' }), here)).toBe(true)
    expect(isRoutableLink(link({ href: 'http://localhost:3000/history/1' }), here)).toBe(true)
    expect(isRoutableLink(link({ href: '/history', target: '_self' }), here)).toBe(true)
  })

  it.each([
    ['no href', {}],
    ['another origin', { href: 'https://example.com/profile' }],
    ['a new tab', { href: '/profile', target: '_blank' }],
    ['a download', { href: '/profile', download: '' }],
    ['rel=external', { href: '/profile', rel: 'noopener external' }],
    ['the API', { href: '/api/auth/sign-out' }],
    ['an anchor on this page', { href: '/history?x=1#main' }],
    ['mailto', { href: 'mailto:help@example.com' }],
  ])('should leave %s to the browser', (_what, attrs) => {
    expect(isRoutableLink(link(attrs), here)).toBe(false)
  })
})
