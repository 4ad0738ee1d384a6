import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { writeMeta } from '../data/meta.ts'
import './page-profile.ts'
import { emptyDeviceWithoutNetwork } from '../data/testing/no-network.ts'
import type { PageProfile } from './page-profile.ts'

const text = (el: Element): string =>
  [el.shadowRoot?.textContent ?? '', ...[...(el.shadowRoot?.querySelectorAll('*') ?? [])].map(text)]
    .join(' ')
    .replace(/\s+/g, ' ')

const seedProfile = async (balances: { 'product-shoot': number; 'ad-graphic': number }) => {
  await writeMeta('profile', {
    user: {
      id: 'u1',
      name: 'Ada Baker',
      email: 'ada@example.com',
      emailVerified: false,
      image: null,
      createdAt: '2026-11-01T10:00:00.000Z',
    },
    accountType: 'free',
    balances,
  })
  await writeMeta('balances', { balances, at: '2026-11-20T09:30:00.000Z' })
}

const mount = async (): Promise<PageProfile> => {
  const el = document.createElement('page-profile')
  document.body.append(el)
  await vi.waitFor(async () => {
    await el.updateComplete
    if (!el.shadowRoot?.textContent?.includes('ada@example.com')) throw new Error('no profile yet')
  })
  return el
}

describe('<page-profile> offline', () => {
  beforeEach(async () => {
    await emptyDeviceWithoutNetwork()
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
  })
  afterEach(() => {
    document.body.replaceChildren()
    vi.restoreAllMocks()
    vi.unstubAllGlobals()
  })

  it('should show the last known account and credits "as of" their time', async () => {
    await seedProfile({ 'product-shoot': 3, 'ad-graphic': 1 })
    const el = await mount()
    const shown = text(el)
    expect(shown).toContain('Ada Baker')
    expect(shown).toContain('Free')
    expect(shown).toContain('Email not verified yet: open the link we emailed you.')
    // The credit cards are a child element, which renders after the page.
    await vi.waitFor(() => {
      expect(text(el)).toMatch(/Product Shoot 3 credits \(as of [^)]+\)/)
      expect(text(el)).toMatch(/Ad Graphic 1 credit \(as of [^)]+\)/)
    })
    expect(fetch).not.toHaveBeenCalled()
  })

  it('should disable passkeys, sessions, password and delete with "Needs a connection"', async () => {
    await seedProfile({ 'product-shoot': 1, 'ad-graphic': 1 })
    const el = await mount()
    await vi.waitFor(() => expect(text(el).match(/Needs a connection/g)?.length).toBe(5))
    const password = el.shadowRoot?.querySelector('app-change-password')?.shadowRoot
    expect(password?.querySelector<HTMLInputElement>('input')?.disabled).toBe(true)
    const remove = el.shadowRoot?.querySelector('app-delete-account')?.shadowRoot
    expect(remove?.querySelector<HTMLButtonElement>('button')?.disabled).toBe(true)
  })

  it('should say that generating is paused on a card at 0', async () => {
    await seedProfile({ 'product-shoot': 0, 'ad-graphic': 2 })
    const el = await mount()
    await vi.waitFor(() =>
      expect(text(el).match(/Generating is paused until credits are added\./g)).toHaveLength(1)
    )
  })

  it('should offer Retry when nothing is known and the profile cannot load', async () => {
    const el = document.createElement('page-profile')
    document.body.append(el)
    await vi.waitFor(async () => {
      await el.updateComplete
      expect(el.shadowRoot?.querySelector('[role="alert"]')?.textContent).toContain(
        "Couldn't load your profile."
      )
    })
    expect(el.shadowRoot?.querySelector('[role="alert"] button')?.textContent?.trim()).toBe('Retry')
  })
})
