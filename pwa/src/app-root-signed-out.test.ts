import { afterEach, describe, expect, it, vi } from 'vitest'

const loaded = vi.hoisted(() => new Set<string>())

// Dexie's modules: the frame's data layer and History's queries.
vi.mock('./data/frame.ts', async (importOriginal) => {
  loaded.add('frame')
  return importOriginal()
})
vi.mock('./data/history-source.ts', async (importOriginal) => {
  loaded.add('history-source')
  return importOriginal()
})

import './app-root.ts'
import { db } from './data/db.ts'
import { emptyDeviceWithoutNetwork } from './data/testing/no-network.ts'

describe('<app-root> signed out', () => {
  afterEach(async () => {
    document.body.replaceChildren()
    vi.unstubAllGlobals()
    await db.open()
  })

  it('should send a visit to History from a browser that never stored anything to sign-in, loading no Dexie', async () => {
    await emptyDeviceWithoutNetwork()
    await db.delete()
    window.history.replaceState(null, '', '/history')
    document.body.append(document.createElement('app-root'))
    await expect.poll(() => window.location.pathname, { timeout: 10_000 }).toBe('/sign-in')
    // Past the first paint, when the frame would load the data layer of a device that held data.
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect([...loaded]).toEqual([])
  })
})
