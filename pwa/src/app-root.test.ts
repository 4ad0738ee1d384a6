import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import './app-root.ts'
import type { AppRoot } from './app-root.ts'
import { db } from './data/db.ts'
import { writeMeta } from './data/meta.ts'
import { emptyDeviceWithoutNetwork } from './data/testing/no-network.ts'
import { emit } from './events.ts'

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

/**
 * Waits until the routed page for the current URL is in <main>. A first visit imports the page's
 * module, which the test runner transforms on demand: on a busy machine that alone takes seconds.
 */
const settled = async (el: AppRoot, tag: string): Promise<HTMLElement> => {
  const page = await vi.waitFor(
    async () => {
      await el.updateComplete
      const found = el.shadowRoot?.querySelector('main')?.querySelector<HTMLElement>(tag)
      if (!found) throw new Error(`<${tag}> never rendered`)
      return found
    },
    { timeout: 45_000, interval: 10 }
  )
  await (page as HTMLElement & { updateComplete?: Promise<boolean> }).updateComplete
  return page
}

const mount = async (path: string): Promise<AppRoot> => {
  window.history.replaceState(null, '', path)
  const el = document.createElement('app-root')
  document.body.append(el)
  await el.updateComplete
  return el
}

const navLinks = (el: AppRoot): HTMLAnchorElement[] => {
  const nav = el.shadowRoot?.querySelector('app-nav')?.shadowRoot?.querySelector('nav')
  return [...(nav?.querySelectorAll('a') ?? [])]
}

/** The navigation's link to `href`, once the navigation (which follows the auth state) shows it. */
const navLink = (el: AppRoot, href: string): Promise<HTMLAnchorElement> =>
  vi.waitFor(
    () => {
      const link = navLinks(el).find((a) => a.getAttribute('href') === href)
      if (!link) throw new Error(`no link to ${href} in the navigation`)
      return link
    },
    { timeout: 10_000, interval: 10 }
  )

const signInLocally = async (): Promise<void> => {
  await writeMeta('user', { id: 'u1', name: 'Ada', email: 'ada@example.com' })
  await writeMeta('authState', 'signed-in')
}

/** Waits until the location is `path` (the guard redirects asynchronously). */
const arrivedAt = async (path: string): Promise<void> => {
  for (let i = 0; i < 50 && window.location.pathname + window.location.search !== path; i++) {
    await tick()
  }
  expect(window.location.pathname + window.location.search).toBe(path)
}

describe('<app-root>', { timeout: 60_000 }, () => {
  beforeEach(async () => {
    await emptyDeviceWithoutNetwork()
  })

  afterEach(() => {
    document.body.replaceChildren()
    vi.unstubAllGlobals()
  })

  it('should render the skip link, the header with the brand, and main', async () => {
    const el = await mount('/')
    const root = el.shadowRoot
    const skip = root?.querySelector<HTMLButtonElement>('header button.skip-link')
    expect(skip?.textContent?.trim()).toBe('Skip to content')
    await settled(el, 'page-landing')
    skip?.click()
    const page = root?.querySelector('main page-landing')
    expect(page?.shadowRoot?.activeElement).toBe(page?.shadowRoot?.querySelector('h1'))
    const brand = root?.querySelector('header a.brand')
    expect(brand?.textContent?.trim()).toBe('Addreams')
    expect(brand?.getAttribute('href')).toBe('/')
    expect(root?.querySelector('main#main')).not.toBeNull()
    expect(root?.querySelector('app-offline-indicator')).not.toBeNull()
    await settled(el, 'page-landing')
  })

  it('should offer Sign in and Get started to a signed-out visitor', async () => {
    const el = await mount('/')
    await settled(el, 'page-landing')
    const nav = el.shadowRoot?.querySelector('app-nav')?.shadowRoot?.querySelector('nav')
    expect(nav?.getAttribute('aria-label')).toBe('Account')
    await vi.waitFor(() =>
      expect(navLinks(el).map((a) => [a.textContent?.trim(), a.getAttribute('href')])).toEqual([
        ['Sign in', '/sign-in'],
        ['Get started', '/sign-up'],
      ])
    )
  })

  it('should label the main navigation and list its four links', async () => {
    await signInLocally()
    const el = await mount('/settings')
    await settled(el, 'page-settings')
    const nav = el.shadowRoot?.querySelector('app-nav')?.shadowRoot?.querySelector('nav')
    expect(nav?.getAttribute('aria-label')).toBe('Main')
    const profile = await navLink(el, '/profile')
    expect(navLinks(el).map((a) => [a.textContent?.trim(), a.getAttribute('href')])).toEqual([
      ['Product Shoot', '/studio/product-shoot'],
      ['Ad Graphic', '/studio/ad-graphic'],
      ['History', '/history'],
      ['Profile', '/profile'],
    ])
    expect(profile.getAttribute('aria-current')).toBe('true')
  })

  it('should mark the current page in the navigation', async () => {
    await signInLocally()
    const el = await mount('/history')
    await settled(el, 'page-history')
    await navLink(el, '/history')
    const current = navLinks(el).filter((a) => a.hasAttribute('aria-current'))
    expect(current.map((a) => [a.textContent?.trim(), a.getAttribute('aria-current')])).toEqual([
      ['History', 'page'],
    ])
    expect(document.title).toBe('History · Addreams')
  })

  it('should mark the section, not the page, on a detail page', async () => {
    await signInLocally()
    const el = await mount('/history/abc')
    const page = await settled(el, 'page-history-detail')
    expect((page as HTMLElement & { generationId: string }).generationId).toBe('abc')
    const history = await navLink(el, '/history')
    expect(history.getAttribute('aria-current')).toBe('true')
  })

  it('should route a link click and move focus to the new heading', async () => {
    await signInLocally()
    const el = await mount('/settings')
    await settled(el, 'page-settings')
    ;(await navLink(el, '/profile')).click()
    const page = await settled(el, 'page-profile')
    expect(window.location.pathname).toBe('/profile')
    expect(document.title).toBe('Profile · Addreams')
    // Focus and the announcement follow the page's first render.
    await vi.waitFor(() =>
      expect(page.shadowRoot?.activeElement).toBe(page.shadowRoot?.querySelector('h1'))
    )
    await vi.waitFor(async () => {
      await el.updateComplete
      const announcer = [...(el.shadowRoot?.querySelectorAll('[role="status"]') ?? [])].at(-1)
      expect(announcer?.textContent?.trim()).toBe('Profile')
    })
  })

  it('should navigate on app-navigate and go back on popstate', async () => {
    await signInLocally()
    const el = await mount('/settings')
    const settings = await settled(el, 'page-settings')
    emit(settings, 'app-navigate', { path: '/studio/ad-graphic' })
    const studio = await settled(el, 'page-studio')
    expect((studio as HTMLElement & { workflow: string }).workflow).toBe('ad-graphic')
    expect(studio.shadowRoot?.querySelector('h1')?.textContent).toBe('Ad Graphic')
    window.history.back()
    await settled(el, 'page-settings')
    expect(window.location.pathname).toBe('/settings')
  })

  it('should show the not-found page for unknown paths', async () => {
    const el = await mount('/no-such-page')
    const page = await settled(el, 'page-not-found')
    expect(page.shadowRoot?.querySelector('h1')?.textContent).toBe('Page not found.')
    const home = page.shadowRoot?.querySelector('a[href="/"]')
    expect(home?.textContent?.trim()).toBe('Go home')
  })

  it('should send a signed-out visit to a private page to sign-in, with the way back', async () => {
    const el = await mount('/profile?tab=1')
    await settled(el, 'page-sign-in')
    await arrivedAt('/sign-in?redirect=%2Fprofile%3Ftab%3D1')
    expect(el.shadowRoot?.querySelector('main page-profile')).toBeNull()
  })

  it('should send a signed-out visit to sign-in without reading the database on a device that never stored anything', async () => {
    const databases = vi.spyOn(indexedDB, 'databases').mockResolvedValue([])
    const read = vi.spyOn(db, 'transaction')
    try {
      const el = await mount('/history')
      await settled(el, 'page-sign-in')
      await arrivedAt('/sign-in?redirect=%2Fhistory')
      expect(fetch).toHaveBeenCalledWith('/api/auth/get-session', expect.anything())
      expect(read).not.toHaveBeenCalled()
    } finally {
      databases.mockRestore()
      read.mockRestore()
    }
  })

  it('should send a signed-in user on to the app from the landing and sign-in pages', async () => {
    await signInLocally()
    const el = await mount('/')
    await settled(el, 'page-history')
    await arrivedAt('/history')
    el.remove()
    const again = await mount('/sign-in?redirect=%2Fprofile')
    await settled(again, 'page-profile')
    await arrivedAt('/profile')
  })

  it('should ignore a redirect to another host', async () => {
    await signInLocally()
    const el = await mount('/sign-in?redirect=%2F%2Fevil.example')
    await settled(el, 'page-history')
    await arrivedAt('/history')
  })

  it('should show the session-ended screen on a private page once the session expired', async () => {
    await signInLocally()
    await writeMeta('authState', 'expired')
    const el = await mount('/settings')
    let screen: Element | null | undefined
    for (let i = 0; i < 50 && !screen; i++) {
      await tick()
      await el.updateComplete
      screen = el.shadowRoot?.querySelector('main page-session-expired')
    }
    const root = screen?.shadowRoot
    expect(root?.querySelector('h1')?.textContent).toBe('Your session has ended.')
    expect(root?.textContent).toContain('Requests waiting on this device are kept.')
    const signIn = root?.querySelector('a')
    expect(signIn?.textContent?.trim()).toBe('Sign in')
    expect(signIn?.getAttribute('href')).toBe('/sign-in?redirect=%2Fsettings')
  })

  it('should let an expired user open the sign-in page', async () => {
    await signInLocally()
    await writeMeta('authState', 'expired')
    const el = await mount('/sign-in?redirect=%2Fsettings')
    await settled(el, 'page-sign-in')
    expect(window.location.pathname).toBe('/sign-in')
  })

  it('should show the landing at once and move on when the server confirms a session', async () => {
    const session = {
      session: { token: 't' },
      user: { id: 'u2', name: 'Bo', email: 'bo@example.com' },
    }
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        url === '/api/auth/get-session'
          ? Promise.resolve(new Response(JSON.stringify(session)))
          : Promise.reject(new TypeError('no network in tests'))
      )
    )
    const el = await mount('/')
    await settled(el, 'page-history')
    await arrivedAt('/history')
  })
})

/** A server that knows `userId`'s session and nothing else; counts its session checks. */
const serverWithSession = (userId: string) => {
  const session = {
    session: { token: 't' },
    user: { id: userId, name: 'Cy', email: `${userId}@example.com` },
  }
  const fetchMock = vi.fn((url: string) =>
    url === '/api/auth/get-session'
      ? Promise.resolve(new Response(JSON.stringify(session)))
      : Promise.reject(new TypeError('no network in tests'))
  )
  vi.stubGlobal('fetch', fetchMock)
  return () =>
    fetchMock.mock.calls.filter(([url]) => String(url).includes('/api/auth/get-session')).length
}

/** Opens /history and waits until the device stored the server's user `userId`. */
const openHistoryAs = async (userId: string) => {
  const el = await mount('/history')
  await settled(el, 'page-history')
  await arrivedAt('/history')
  await expect.poll(async () => (await db.meta.get('user'))?.value).toMatchObject({ id: userId })
}

describe('<app-root> session checks at start', () => {
  beforeEach(async () => {
    await Promise.all(db.tables.map((table) => table.clear()))
  })

  afterEach(() => {
    document.body.replaceChildren()
    vi.unstubAllGlobals()
  })

  it('should ask the server who is signed in once when /history opens on a fresh device', async () => {
    const checks = serverWithSession('u3')
    await openHistoryAs('u3')
    expect(checks()).toBe(1)
  })

  it('should ask once on a device that never stored anything, back from a social sign-in', async () => {
    const checks = serverWithSession('u4')
    const databases = vi.spyOn(indexedDB, 'databases').mockResolvedValue([])
    try {
      await openHistoryAs('u4')
      expect(checks()).toBe(1)
    } finally {
      databases.mockRestore()
    }
  })
})
