import { afterEach, describe, expect, it } from 'vitest'
import './app-account-menu.ts'
import type { AppAccountMenu } from './app-account-menu.ts'

const mount = async (): Promise<AppAccountMenu> => {
  const el = document.createElement('app-account-menu')
  el.user = { id: 'u1', name: 'ada Baker', email: 'ada@example.com' }
  document.body.append(el)
  await el.updateComplete
  return el
}

const root = (el: AppAccountMenu) => el.shadowRoot as ShadowRoot
const trigger = (el: AppAccountMenu) => root(el).querySelector('.trigger') as HTMLButtonElement
const panel = (el: AppAccountMenu) => root(el).querySelector('#account-panel') as HTMLElement

describe('<app-account-menu>', () => {
  afterEach(() => {
    document.body.replaceChildren()
  })

  it('should show who is signed in and name the button for screen readers', async () => {
    const el = await mount()
    expect(root(el).querySelector('.avatar')?.textContent).toBe('A')
    expect(trigger(el).textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'A Account menu for ada Baker'
    )
    expect(trigger(el).getAttribute('aria-expanded')).toBe('false')
    expect(trigger(el).getAttribute('aria-controls')).toBe('account-panel')
    expect(panel(el).hidden).toBe(true)
  })

  it('should open on click with Profile, Settings and Sign out, and close on Escape', async () => {
    const el = await mount()
    trigger(el).click()
    await el.updateComplete
    expect(trigger(el).getAttribute('aria-expanded')).toBe('true')
    expect(panel(el).hidden).toBe(false)
    const items = [...panel(el).querySelectorAll('.item')].map((item) => [
      item.tagName,
      item.textContent,
      item.getAttribute('href'),
    ])
    expect(items).toEqual([
      ['A', 'Profile', '/profile'],
      ['A', 'Settings', '/settings'],
      ['BUTTON', 'Sign out', null],
    ])
    expect(panel(el).textContent).toContain('ada@example.com')
    panel(el).dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })
    )
    await el.updateComplete
    expect(trigger(el).getAttribute('aria-expanded')).toBe('false')
    expect(root(el).activeElement).toBe(trigger(el))
  })

  it('should close on a click elsewhere', async () => {
    const el = await mount()
    trigger(el).click()
    await el.updateComplete
    document.body.click()
    await el.updateComplete
    expect(panel(el).hidden).toBe(true)
  })
})
