import { afterEach, describe, expect, it, vi } from 'vitest'
import { withWebLock } from './web-lock.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('withWebLock', () => {
  it('should run the task under the named Web Lock when the browser has them', async () => {
    const names: string[] = []
    vi.stubGlobal('navigator', {
      locks: {
        request: async (name: string, task: () => Promise<unknown>) => {
          names.push(name)
          return task()
        },
      },
    })
    expect(await withWebLock('addreams-flush', async () => 7)).toBe(7)
    expect(names).toEqual(['addreams-flush'])
  })

  it('should run the task directly where Web Locks are missing', async () => {
    vi.stubGlobal('navigator', {})
    expect(await withWebLock('addreams-flush', async () => 8)).toBe(8)
  })
})
