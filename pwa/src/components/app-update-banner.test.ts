import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AppUpdateState } from '../data/app-update.ts'

const update = vi.hoisted(() => ({
  state: { updateAvailable: false, blockedBy: null, installable: false, installed: false } as
    | AppUpdateState
    | Record<string, unknown>,
  listeners: new Set<(state: unknown) => void>(),
  applyUpdate: vi.fn(),
}))

vi.mock('../data/app-update.ts', () => ({
  appUpdateState: () => update.state,
  subscribeAppUpdate: (listener: (state: unknown) => void) => {
    update.listeners.add(listener)
    return () => update.listeners.delete(listener)
  },
  applyUpdate: update.applyUpdate,
}))

const { AppUpdateBanner } = await import('./app-update-banner.ts')

const publish = (patch: Partial<AppUpdateState>) => {
  update.state = { ...update.state, ...patch }
  for (const listener of update.listeners) listener(update.state)
}

describe('<app-update-banner>', () => {
  afterEach(() => {
    document.body.replaceChildren()
    update.state = { updateAvailable: false, blockedBy: null, installable: false, installed: false }
  })

  it('should keep an empty polite status region until an update waits', async () => {
    const el = new AppUpdateBanner()
    document.body.append(el)
    await el.updateComplete
    const region = el.shadowRoot?.querySelector('[role="status"]')
    expect(region?.getAttribute('aria-live')).toBe('polite')
    expect(region?.textContent?.trim()).toBe('')

    publish({ updateAvailable: true })
    await el.updateComplete
    expect(region?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Update available Reload')
    el.shadowRoot?.querySelector('button')?.click()
    expect(update.applyUpdate).toHaveBeenCalledTimes(1)
  })

  it('should say why the reload waits', async () => {
    const el = new AppUpdateBanner()
    document.body.append(el)
    publish({ updateAvailable: true, blockedBy: 'sending' })
    await el.updateComplete
    expect(el.shadowRoot?.textContent).toContain(
      'The app reloads once your requests have been sent.'
    )
  })
})
