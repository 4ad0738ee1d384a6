import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { writeMeta } from '../data/meta.ts'
import { emptyDeviceWithoutNetwork } from '../data/testing/no-network.ts'
import './page-credits.ts'

const text = (el: Element): string =>
  [el.shadowRoot?.textContent ?? '', ...[...(el.shadowRoot?.querySelectorAll('*') ?? [])].map(text)]
    .join(' ')
    .replace(/\s+/g, ' ')

const mount = (): HTMLElement => {
  window.history.replaceState(null, '', '/credits?workflow=product-shoot')
  const el = document.createElement('page-credits')
  document.body.append(el)
  return el
}

describe('<page-credits> balance', () => {
  beforeEach(async () => {
    await emptyDeviceWithoutNetwork()
  })
  afterEach(() => {
    document.body.replaceChildren()
    vi.restoreAllMocks()
    vi.unstubAllGlobals()
  })

  it('should show the last balance the server sent', async () => {
    await writeMeta('balances', {
      balances: { 'product-shoot': 3, 'ad-graphic': 1 },
      at: '2026-11-20T09:30:00.000Z',
    })
    const el = mount()
    await expect.poll(() => text(el)).toContain('You have 3 credits.')
  })

  it('should say the balance is on its way, not that it is 0, before the device has ever synced', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true)
    const el = mount()
    await expect.poll(() => text(el)).toContain('Getting your balance…')
    expect(text(el)).not.toContain('You have 0 credits')
  })

  it('should say when an offline device that never synced will know its balance', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const el = mount()
    await expect
      .poll(() => text(el))
      .toContain('Your balance shows here once this device is back online.')
    expect(text(el)).not.toContain('You have 0 credits')
  })
})
