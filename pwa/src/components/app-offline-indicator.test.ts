import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { requestWithNetwork } from '../data/testing/network.ts'
import { type AppOfflineIndicator, waitingText } from './app-offline-indicator.ts'

const setOnline = (online: boolean): void => {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online)
  window.dispatchEvent(new Event(online ? 'online' : 'offline'))
}

const mount = async (waiting = 0): Promise<AppOfflineIndicator> => {
  const el = document.createElement('app-offline-indicator')
  el.waiting = waiting
  document.body.append(el)
  await el.updateComplete
  return el
}

const status = (el: AppOfflineIndicator): HTMLElement => {
  const region = el.shadowRoot?.querySelector<HTMLElement>('[role="status"]')
  if (!region) throw new Error('no status region')
  return region
}

const text = (el: AppOfflineIndicator): string =>
  (status(el).textContent ?? '').replace(/\s+/g, ' ').trim()

describe('<app-offline-indicator>', () => {
  beforeEach(() => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true)
  })
  afterEach(async () => {
    await requestWithNetwork(true)
    document.body.replaceChildren()
    vi.restoreAllMocks()
  })

  it('should keep a polite status region even while online', async () => {
    const el = await mount()
    expect(status(el).getAttribute('aria-live')).toBe('polite')
    expect(text(el)).toBe('')
    expect(el.shadowRoot?.querySelector('.bar')).toBeNull()
  })

  it('should say "You\'re offline." when the connection drops', async () => {
    const el = await mount()
    setOnline(false)
    await el.updateComplete
    expect(text(el)).toBe("You're offline.")
    expect(el.shadowRoot?.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true')
  })

  it('should start hidden-or-shown from the current state', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const el = await mount(2)
    expect(text(el)).toBe("You're offline. 2 requests waiting.")
  })

  it('should hide again when back online', async () => {
    const el = await mount()
    setOnline(false)
    await el.updateComplete
    setOnline(true)
    await el.updateComplete
    expect(text(el)).toBe('')
  })

  it('should count waiting requests with the right plural', async () => {
    const el = await mount(1)
    setOnline(false)
    await el.updateComplete
    expect(text(el)).toBe("You're offline. 1 request waiting.")
    el.waiting = 3
    await el.updateComplete
    expect(text(el)).toBe("You're offline. 3 requests waiting.")
    el.waiting = 0
    await el.updateComplete
    expect(text(el)).toBe("You're offline.")
  })

  /** @see the offline bar missing after an offline reload of History */
  it('should say "You\'re offline." while requests fail for lack of a network, though the browser says online', async () => {
    const el = await mount()
    await requestWithNetwork(false)
    await el.updateComplete
    expect(text(el)).toBe("You're offline.")
    await requestWithNetwork(true)
    await el.updateComplete
    expect(text(el)).toBe('')
  })

  it('should hide again when the browser says it is back online after requests failed', async () => {
    const el = await mount()
    await requestWithNetwork(false)
    await el.updateComplete
    setOnline(true)
    await el.updateComplete
    expect(text(el)).toBe('')
  })

  it('should stop listening once removed', async () => {
    const el = await mount()
    el.remove()
    setOnline(false)
    await el.updateComplete
    expect(text(el)).toBe('')
  })
})

describe('waitingText', () => {
  it.each([
    [0, ''],
    [1, '1 request waiting.'],
    [2, '2 requests waiting.'],
    [12, '12 requests waiting.'],
  ])('should render %i as %j', (n, want) => {
    expect(waitingText(n)).toBe(want)
  })
})
