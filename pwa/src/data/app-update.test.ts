import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const flushing = { value: false }
const workbox = {
  handlers: new Map<string, (event: unknown) => void>(),
  messageSkipWaiting: vi.fn(),
}

vi.mock('./flush-state.ts', () => ({ isFlushing: () => flushing.value }))
vi.mock('workbox-window', () => ({
  Workbox: class {
    addEventListener(name: string, handler: (event: unknown) => void): void {
      workbox.handlers.set(name, handler)
    }
    messageSkipWaiting(): void {
      workbox.messageSkipWaiting()
    }
    register(): Promise<void> {
      return Promise.resolve()
    }
  },
}))

/** A fresh copy of the module (its state is per page load) with the service worker "registered". */
const load = async () => {
  vi.resetModules()
  const mod = await import('./app-update.ts')
  mod.startAppUpdates()
  return mod
}

const fire = (name: string) => workbox.handlers.get(name)?.({})

describe('app updates', () => {
  beforeEach(() => {
    vi.stubEnv('PROD', true)
    Object.defineProperty(navigator, 'serviceWorker', { value: {}, configurable: true })
    flushing.value = false
    workbox.handlers.clear()
    workbox.messageSkipWaiting.mockClear()
  })
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.useRealTimers()
  })

  it('should report a waiting worker to subscribers', async () => {
    const { appUpdateState, subscribeAppUpdate } = await load()
    const seen: boolean[] = []
    subscribeAppUpdate((state) => seen.push(state.updateAvailable))
    expect(appUpdateState().updateAvailable).toBe(false)
    fire('waiting')
    expect(seen).toEqual([true])
    expect(appUpdateState().updateAvailable).toBe(true)
  })

  it('should wait for a dirty form, say why, and activate once it is clean', async () => {
    const { appUpdateState, applyUpdate, setFormDirty } = await load()
    fire('waiting')
    setFormDirty('studio:ad-graphic', true)
    applyUpdate()
    expect(appUpdateState().blockedBy).toBe('dirty-form')
    expect(workbox.messageSkipWaiting).not.toHaveBeenCalled()
    setFormDirty('studio:ad-graphic', false)
    expect(appUpdateState().blockedBy).toBeNull()
    expect(workbox.messageSkipWaiting).toHaveBeenCalledTimes(1)
  })

  it('should wait while the queue is sending and activate when it has finished', async () => {
    vi.useFakeTimers()
    const { appUpdateState, applyUpdate } = await load()
    fire('waiting')
    flushing.value = true
    applyUpdate()
    expect(appUpdateState().blockedBy).toBe('sending')
    await vi.advanceTimersByTimeAsync(3000)
    expect(workbox.messageSkipWaiting).not.toHaveBeenCalled()
    flushing.value = false
    await vi.advanceTimersByTimeAsync(1000)
    expect(workbox.messageSkipWaiting).toHaveBeenCalledTimes(1)
  })

  it('should do nothing without a waiting worker, and reload only after the user asked', async () => {
    const reload = vi.fn()
    vi.stubGlobal('location', { ...window.location, reload })
    const { applyUpdate } = await load()
    applyUpdate()
    expect(workbox.messageSkipWaiting).not.toHaveBeenCalled()
    fire('controlling')
    expect(reload).not.toHaveBeenCalled()
    fire('waiting')
    applyUpdate()
    fire('controlling')
    expect(reload).toHaveBeenCalledTimes(1)
    vi.unstubAllGlobals()
  })

  it('should keep the install offer and use it once', async () => {
    const { appUpdateState, promptInstall } = await load()
    expect(await promptInstall()).toBe('unavailable')
    const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: vi.fn(() => Promise.resolve()),
      userChoice: Promise.resolve({ outcome: 'accepted' as const }),
    })
    window.dispatchEvent(offer)
    expect(offer.defaultPrevented).toBe(true)
    expect(appUpdateState().installable).toBe(true)
    expect(await promptInstall()).toBe('accepted')
    expect(offer.prompt).toHaveBeenCalledTimes(1)
    expect(appUpdateState().installable).toBe(false)
  })
})
