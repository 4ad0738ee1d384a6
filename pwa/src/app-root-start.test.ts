import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const seen = vi.hoisted(() => ({
  cardsWhenSyncLoaded: -1,
  cardsWhenQueriesLoaded: -1,
  cardsWhenFrameDataLoaded: -1,
}))

/** Cards in History's grid, through the shadow roots. */
const historyCards = (): number => {
  const main = document.querySelector('app-root')?.shadowRoot?.querySelector('main')
  const grid = main?.querySelector('page-history')?.shadowRoot?.querySelector('history-grid')
  return grid?.shadowRoot?.querySelectorAll('history-card').length ?? 0
}

vi.mock('./data/sync-engine.ts', async (importOriginal) => {
  seen.cardsWhenSyncLoaded = historyCards()
  return importOriginal()
})
// History's queries over Dexie, and the frame's data layer: both load after the first card.
vi.mock('./data/history-source.ts', async (importOriginal) => {
  seen.cardsWhenQueriesLoaded = historyCards()
  return importOriginal()
})
vi.mock('./data/frame.ts', async (importOriginal) => {
  seen.cardsWhenFrameDataLoaded = historyCards()
  return importOriginal()
})

import './app-root.ts'
import { db } from './data/db.ts'
import { writeMeta } from './data/meta.ts'
import { makeGeneration } from './data/testing/make-generation.ts'
import { emptyDeviceWithoutNetwork } from './data/testing/no-network.ts'

describe('<app-root> start', () => {
  beforeEach(async () => {
    await emptyDeviceWithoutNetwork()
  })
  afterEach(() => {
    document.body.replaceChildren()
    vi.unstubAllGlobals()
  })

  it("should render the first History card before the sync engine, History's queries or the frame's data layer load", async () => {
    await signedInWithOneGeneration()
    window.history.replaceState(null, '', '/history')
    document.body.append(document.createElement('app-root'))
    await expect.poll(() => Object.values(seen).includes(-1), { timeout: 20_000 }).toBe(false)
    expect(seen).toEqual({
      cardsWhenSyncLoaded: 1,
      cardsWhenQueriesLoaded: 1,
      cardsWhenFrameDataLoaded: 1,
    })
  })

  it('should still start the sync in a hidden tab, which paints no frame', async () => {
    await signedInWithOneGeneration()
    vi.stubGlobal('requestAnimationFrame', () => 0)
    const fetchMock = vi.fn((_url: string) => Promise.reject(new TypeError('no network in tests')))
    vi.stubGlobal('fetch', fetchMock)
    window.history.replaceState(null, '', '/history')
    document.body.append(document.createElement('app-root'))
    await expect
      .poll(() => fetchMock.mock.calls.some(([url]) => String(url).startsWith('/api/sync')), {
        timeout: 5_000,
      })
      .toBe(true)
  })
})

const signedInWithOneGeneration = async (): Promise<void> => {
  await writeMeta('user', { id: 'u1', name: 'Ada', email: 'ada@example.com' })
  await writeMeta('authState', 'signed-in')
  await db.generations.put(makeGeneration({ status: 'succeeded' }))
}
