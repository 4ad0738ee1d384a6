import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  formatBytes,
  isStoragePersisted,
  readStorageEstimate,
  requestPersistentStorage,
} from './storage.ts'

const stubStorage = (storage: Partial<StorageManager> | undefined) =>
  vi.stubGlobal('navigator', { ...navigator, storage })

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('storage', () => {
  it('should read usage and quota from the estimate', async () => {
    stubStorage({ estimate: async () => ({ usage: 1_500_000, quota: 2_000_000_000 }) })
    expect(await readStorageEstimate()).toEqual({ usage: 1_500_000, quota: 2_000_000_000 })
  })

  it('should say nothing where the browser has no estimate', async () => {
    stubStorage(undefined)
    expect(await readStorageEstimate()).toBeUndefined()
    expect(await isStoragePersisted()).toBeUndefined()
    expect(await requestPersistentStorage()).toBe(false)
  })

  it('should report persistence and ask for it', async () => {
    const persist = vi.fn(async () => true)
    stubStorage({ persisted: async () => false, persist })
    expect(await isStoragePersisted()).toBe(false)
    expect(await requestPersistentStorage()).toBe(true)
    expect(persist).toHaveBeenCalledOnce()
  })

  it('should write sizes for people', () => {
    expect(formatBytes(0)).toBe('0 bytes')
    expect(formatBytes(1)).toBe('1 byte')
    expect(formatBytes(1_530_000)).toBe('1.5 MB')
    expect(formatBytes(250_000_000)).toBe('250 MB')
    expect(formatBytes(2_000_000_000)).toBe('2.0 GB')
  })
})
