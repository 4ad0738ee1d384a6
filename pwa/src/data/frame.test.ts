import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const loaded = vi.hoisted(() => new Set<string>())

vi.mock('./sync-engine.ts', async (importOriginal) => {
  loaded.add('sync-engine')
  return importOriginal()
})
vi.mock('./session.ts', async (importOriginal) => {
  loaded.add('session')
  return importOriginal()
})
vi.mock('zod', async (importOriginal) => {
  loaded.add('zod')
  return importOriginal()
})

import { countWaiting, readAuthOrSignedOut, startSync } from './frame.ts'
import { writeMeta } from './meta.ts'
import { emptyDeviceWithoutNetwork } from './testing/no-network.ts'

describe('the frame data layer', () => {
  beforeEach(async () => {
    await emptyDeviceWithoutNetwork()
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('should read the sign-in state and the queue before the sync engine, the session code or zod loads', async () => {
    await writeMeta('user', { id: 'u1', name: 'Ada', email: 'ada@example.com' })
    await writeMeta('authState', 'signed-in')
    expect((await readAuthOrSignedOut()).user?.id).toBe('u1')
    expect(await countWaiting()).toBe(0)
    expect([...loaded]).toEqual([])
    const stop = startSync()
    await expect.poll(() => loaded.has('sync-engine')).toBe(true)
    stop()
  })
})
