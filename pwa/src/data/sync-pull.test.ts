import { Dexie } from 'dexie'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db, type MetaKey, type MetaRow } from './db.ts'
import { flush } from './sync-engine.ts'
import { readSyncProgress, type SyncProgress } from './sync-progress.ts'
import type { FakeApi } from './testing/fake-api.ts'
import { freshWorld, settle, signedInAs } from './testing/setup.ts'

let api: FakeApi
let unhook = () => {}

beforeEach(async () => {
  api = await freshWorld()
  await signedInAs({ id: 'user-1', name: 'Ada', email: 'ada@example.com' })
})

afterEach(async () => {
  await settle()
  unhook()
  vi.restoreAllMocks()
})

const seedMany = (n: number) => {
  for (let i = 0; i < n; i++) api.seed({ status: 'succeeded' })
}

/** Every progress the device stored, in order (undefined: cleared). */
const progressWrites = (): (SyncProgress | undefined)[] => {
  const seen: (SyncProgress | undefined)[] = []
  const creating = (key: MetaKey, row: MetaRow) => {
    if (key === 'syncProgress') seen.push(row.value as SyncProgress)
  }
  const updating = (changes: object, key: MetaKey, row: MetaRow) => {
    if (key !== 'syncProgress') return
    const next = Dexie.deepClone(row)
    for (const [path, value] of Object.entries(changes)) Dexie.setByKeyPath(next, path, value)
    seen.push(next.value as SyncProgress)
  }
  const deleting = (key: MetaKey) => {
    if (key === 'syncProgress') seen.push(undefined)
  }
  db.meta.hook('creating', creating)
  db.meta.hook('updating', updating)
  db.meta.hook('deleting', deleting)
  unhook = () => {
    db.meta.hook('creating').unsubscribe(creating)
    db.meta.hook('updating').unsubscribe(updating)
    db.meta.hook('deleting').unsubscribe(deleting)
  }
  return seen
}

describe('pull: catching up', () => {
  it('should take a first small page, then pages of 1,000, each written in one bulk put', async () => {
    seedMany(2_300)
    const bulkPut = vi.spyOn(db.generations, 'bulkPut')
    await flush()
    expect(api.calls('GET', '/api/sync').map((r) => r.limit)).toEqual([100, 1_000, 1_000, 1_000])
    expect(bulkPut.mock.calls.map(([items]) => items.length)).toEqual([100, 1_000, 1_000, 200])
    expect(await db.generations.count()).toBe(2_300)
    expect((await db.meta.get('cursor'))?.value).toBe(2_300)
  })

  it('should say how far the catch-up is as it goes, and nothing once done', async () => {
    seedMany(2_300)
    const seen = progressWrites()
    await flush()
    expect(seen).toEqual([
      { done: 100, total: 2_300 },
      { done: 1_100, total: 2_300 },
      { done: 2_100, total: 2_300 },
      undefined,
    ])
    expect(await readSyncProgress()).toBeUndefined()
  })

  it('should download the next catch-up page while it writes this one', async () => {
    seedMany(2_300)
    const storedCursorAtEachPull: number[] = []
    const fetch = api.fetch
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).startsWith('/api/sync')) {
        storedCursorAtEachPull.push(((await db.meta.get('cursor'))?.value as number) ?? 0)
      }
      return fetch(input, init)
    })
    await flush()
    expect(api.calls('GET', '/api/sync').map((r) => r.cursor)).toEqual([0, 100, 1_100, 2_100])
    expect(storedCursorAtEachPull).toEqual([0, 0, 100, 1_100])
  })

  it('should show no progress for a live pull that fits one page', async () => {
    seedMany(30)
    const seen = progressWrites()
    await flush()
    expect(seen).toEqual([undefined])
    expect(await db.generations.count()).toBe(30)
  })

  it('should not leave a stale progress behind when the catch-up fails', async () => {
    seedMany(1_500)
    const fetch = api.fetch
    let pulls = 0
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).startsWith('/api/sync') && ++pulls === 2) {
        throw new TypeError('Failed to fetch')
      }
      return fetch(input, init)
    })
    await flush()
    expect(await db.generations.count()).toBe(100)
    expect(await readSyncProgress()).toBeUndefined()
    await flush()
    expect(await db.generations.count()).toBe(1_500)
  })

  it('should drop reference thumbnails of generations now done, and nothing else', async () => {
    const done = api.seed({ status: 'succeeded' })
    const kept = api.seed({ status: 'succeeded' })
    const running = api.seed({ status: 'running' })
    const thumb = (id: string, source: 'reference' | 'image') => ({
      id,
      blob: new Blob(['t']),
      width: 1,
      height: 1,
      source,
    })
    await db.thumbnails.bulkPut([
      thumb(done.id, 'reference'),
      thumb(kept.id, 'image'),
      thumb(running.id, 'reference'),
    ])
    await flush()
    expect((await db.thumbnails.toCollection().primaryKeys()).sort()).toEqual(
      [kept.id, running.id].sort()
    )
  })
})
