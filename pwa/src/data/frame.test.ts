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

import { db } from './db.ts'
import { countWaiting, readStartOrSignedOut, startSync } from './frame.ts'
import { takeHistoryStart } from './history-start.ts'
import { writeMeta } from './meta.ts'
import { makeGeneration } from './testing/make-generation.ts'
import { emptyDeviceWithoutNetwork } from './testing/no-network.ts'

describe('the frame data layer', () => {
  beforeEach(async () => {
    await emptyDeviceWithoutNetwork()
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('should read the start and the first cards before the sync engine, the session code or zod loads', async () => {
    await writeMeta('user', { id: 'u1', name: 'Ada', email: 'ada@example.com' })
    await writeMeta('authState', 'signed-in')
    await db.generations.put(makeGeneration({ status: 'succeeded' }))
    expect((await readStartOrSignedOut(true)).user?.id).toBe('u1')
    expect(await countWaiting()).toBe(0)
    expect(takeHistoryStart()?.items).toHaveLength(1)
    expect([...loaded]).toEqual([])
    const stop = startSync()
    await expect.poll(() => loaded.has('sync-engine')).toBe(true)
    stop()
  })
})
