import { afterEach, describe, expect, it } from 'vitest'
import './app-root.ts'
import type { AppRoot } from './app-root.ts'
import { emit } from './events.ts'

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

/** Waits until the routed page for the current URL is in <main>. */
const settled = async (el: AppRoot, tag: string): Promise<HTMLElement> => {
  for (let i = 0; i < 50; i++) {
    await el.updateComplete
    const page = el.shadowRoot?.querySelector('main')?.querySelector<HTMLElement>(tag)
    if (page) {
      await (page as HTMLElement & { updateComplete?: Promise<boolean> }).updateComplete
      return page
    }
    await tick()
  }
  throw new Error(`<${tag}> never rendered`)
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

describe('<app-root>', () => {
  afterEach(() => {
    document.body.replaceChildren()
  })

  it('should render the skip link, the header with the brand, and main', async () => {
    const el = await mount('/')
    const root = el.shadowRoot
    const skip = root?.querySelector('a.skip-link')
    expect(skip?.textContent?.trim()).toBe('Skip to content')
    expect(skip?.getAttribute('href')).toBe('#main')
    const brand = root?.querySelector('header a.brand')
    expect(brand?.textContent?.trim()).toBe('Addreams')
    expect(brand?.getAttribute('href')).toBe('/')
    expect(root?.querySelector('main#main')).not.toBeNull()
    expect(root?.querySelector('app-offline-indicator')).not.toBeNull()
    await settled(el, 'page-landing')
  })

  it('should label the main navigation and list its four links', async () => {
    const el = await mount('/')
    await settled(el, 'page-landing')
    const nav = el.shadowRoot?.querySelector('app-nav')?.shadowRoot?.querySelector('nav')
    expect(nav?.getAttribute('aria-label')).toBe('Main')
    expect(navLinks(el).map((a) => [a.textContent?.trim(), a.getAttribute('href')])).toEqual([
      ['Product Shoot', '/studio/product-shoot'],
      ['Ad Graphic', '/studio/ad-graphic'],
      ['History', '/history'],
      ['Profile', '/profile'],
    ])
    expect(navLinks(el).some((a) => a.hasAttribute('aria-current'))).toBe(false)
  })

  it('should mark the current page in the navigation', async () => {
    const el = await mount('/history')
    await settled(el, 'page-history')
    const current = navLinks(el).filter((a) => a.hasAttribute('aria-current'))
    expect(current.map((a) => [a.textContent?.trim(), a.getAttribute('aria-current')])).toEqual([
      ['History', 'page'],
    ])
    expect(document.title).toBe('History · Addreams')
  })

  it('should mark the section, not the page, on a detail page', async () => {
    const el = await mount('/history/abc')
    const page = await settled(el, 'page-history-detail')
    expect((page as HTMLElement & { generationId: string }).generationId).toBe('abc')
    const history = navLinks(el).find((a) => a.textContent?.trim() === 'History')
    expect(history?.getAttribute('aria-current')).toBe('true')
  })

  it('should route a link click and move focus to the new heading', async () => {
    const el = await mount('/')
    await settled(el, 'page-landing')
    const profile = navLinks(el).find((a) => a.getAttribute('href') === '/profile')
    profile?.click()
    const page = await settled(el, 'page-profile')
    expect(window.location.pathname).toBe('/profile')
    expect(document.title).toBe('Profile · Addreams')
    const h1 = page.shadowRoot?.querySelector('h1')
    expect(page.shadowRoot?.activeElement).toBe(h1)
    await tick()
    await el.updateComplete
    const announcer = [...(el.shadowRoot?.querySelectorAll('[role="status"]') ?? [])].at(-1)
    expect(announcer?.textContent?.trim()).toBe('Profile')
  })

  it('should navigate on app-navigate and go back on popstate', async () => {
    const el = await mount('/sign-in')
    const signIn = await settled(el, 'page-sign-in')
    emit(signIn, 'app-navigate', { path: '/studio/ad-graphic' })
    const studio = await settled(el, 'page-studio')
    expect((studio as HTMLElement & { workflow: string }).workflow).toBe('ad-graphic')
    expect(studio.shadowRoot?.querySelector('h1')?.textContent).toBe('Ad Graphic')
    window.history.back()
    await settled(el, 'page-sign-in')
    expect(window.location.pathname).toBe('/sign-in')
  })

  it('should show the not-found page for unknown paths', async () => {
    const el = await mount('/no-such-page')
    const page = await settled(el, 'page-not-found')
    expect(page.shadowRoot?.querySelector('h1')?.textContent).toBe('Page not found.')
    const home = page.shadowRoot?.querySelector('a[href="/"]')
    expect(home?.textContent?.trim()).toBe('Go home')
  })
})
