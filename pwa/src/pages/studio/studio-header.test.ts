import { render } from 'lit'
import { describe, expect, it } from 'vitest'
import { renderStudioHeader, type StudioHeaderView } from './studio-header.ts'

const view = (overrides: Partial<StudioHeaderView>): StudioHeaderView => ({
  workflow: 'ad-graphic',
  name: 'Ad Graphic',
  position: 'Step 1 of 3',
  available: 0,
  balanceAt: undefined,
  online: true,
  unverified: false,
  onStartOver: undefined,
  ...overrides,
})

const banner = (overrides: Partial<StudioHeaderView>) => {
  const host = document.createElement('div')
  render(renderStudioHeader(view(overrides)), host)
  return host.querySelector('.banner[role="status"]')?.textContent?.replace(/\s+/g, ' ').trim()
}

describe('renderStudioHeader', () => {
  it('should say the free credits come with verification when an unverified user has none', () => {
    expect(banner({ unverified: true })).toBe(
      'Verify your email to get your free credits. Open the link we emailed you. Your draft is kept meanwhile.'
    )
  })

  it('should say a verified user is out of credits until some are added', () => {
    expect(banner({})).toBe(
      "You're out of ad graphic credits. Generating is paused until credits are added to your account. Buy ad graphic credits"
    )
    expect(banner({ available: 1, unverified: true })).toBeUndefined()
  })

  it('should link an out-of-credits user to the packs of this workflow', () => {
    const host = document.createElement('div')
    render(renderStudioHeader(view({ workflow: 'product-shoot' })), host)
    const link = host.querySelector<HTMLAnchorElement>('.banner a')
    expect(link?.getAttribute('href')).toBe('/credits?workflow=product-shoot')
    expect(link?.textContent).toBe('Buy product shoot credits')
  })
})
