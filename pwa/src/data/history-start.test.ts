import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { readAuth } from './auth-snapshot.ts'
import { db } from './db.ts'
import { DB_NAME } from './db-name.ts'
import { historyIds, historyItems } from './history.ts'
import { ALL_HISTORY } from './history-item.ts'
import { readStart, readStartEarly, takeHistoryStart } from './history-start.ts'
import { FIRST_WINDOW } from './history-start-cards.ts'
import { writeMeta } from './meta.ts'
import { wipeLocalData } from './session.ts'
import { makeGeneration } from './testing/fake-api.ts'
import { makeEntry, makeRefusedEntry } from './testing/make-entry.ts'

const ADA = { id: 'user-1', name: 'Ada', email: 'ada@example.com' }

const storeHistory = async (count: number) => {
  const generations = Array.from({ length: count }, (_, i) =>
    makeGeneration({
      status: 'succeeded',
      createdAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
    })
  )
  await db.generations.bulkPut(generations)
  return generations.map((g) => g.id).reverse()
}

describe('readStart', () => {
  beforeEach(async () => {
    takeHistoryStart()
    await Promise.all(db.tables.map((table) => table.clear()))
    await writeMeta('user', ADA)
    await writeMeta('authState', 'signed-in')
  })
  afterEach(() => {
    takeHistoryStart()
  })

  it('should read the sign-in state, the first window and how many cards there are together', async () => {
    const ids = await storeHistory(FIRST_WINDOW + 6)
    const start = await readStart(true)
    expect(start.user?.id).toBe('user-1')
    expect(start.expired).toBe(false)
    const history = takeHistoryStart()
    expect(history?.ids).toEqual(ids.slice(0, FIRST_WINDOW))
    expect(history?.complete).toBe(false)
    // Never pulled: History cannot say yet that there is nothing.
    expect(history?.lastSyncAt).toBeUndefined()
    expect(history?.items.map((item) => item.id)).toEqual(ids.slice(0, FIRST_WINDOW))
  })

  it('should say when its ids are all there are, and when this device last pulled', async () => {
    const ids = await storeHistory(2)
    const entry = makeEntry()
    await db.outbox.put(entry)
    await writeMeta('lastSyncAt', '2026-12-01T10:00:00.000Z')
    await readStart(true)
    expect(takeHistoryStart()).toMatchObject({
      ids: [entry.id, ...ids],
      complete: true,
      lastSyncAt: '2026-12-01T10:00:00.000Z',
    })
  })

  it('should let the start take a read begun early, once, and only for the same question', async () => {
    await storeHistory(2)
    const open = vi.spyOn(indexedDB, 'open')
    onTestFinished(() => open.mockRestore())
    readStartEarly(true)
    expect((await readStart(true)).user?.id).toBe('user-1')
    expect(takeHistoryStart()?.ids).toHaveLength(2)
    expect(open).toHaveBeenCalledTimes(1)
    await readStart(true)
    expect(open).toHaveBeenCalledTimes(2)
    readStartEarly(true)
    await readStart(false)
    expect(open).toHaveBeenCalledTimes(4)
  })

  it('should hand the history over once', async () => {
    await storeHistory(2)
    await readStart(true)
    expect(takeHistoryStart()).toBeDefined()
    expect(takeHistoryStart()).toBeUndefined()
  })

  it('should read no history for a signed-out or expired device, or when not asked', async () => {
    await storeHistory(2)
    await readStart(false)
    expect(takeHistoryStart()).toBeUndefined()
    await writeMeta('authState', 'expired')
    expect((await readStart(true)).expired).toBe(true)
    expect(takeHistoryStart()).toBeUndefined()
    await db.meta.delete('user')
    expect((await readStart(true)).user).toBeNull()
    expect(takeHistoryStart()).toBeUndefined()
  })

  it('should never hand over a read that a later change made stale', async () => {
    await storeHistory(2)
    await readStart(true)
    await db.generations.put(makeGeneration({ status: 'queued' }))
    await expect.poll(() => takeHistoryStart()).toBeUndefined()
  })

  it("should never hand over the previous user's history after a wipe or a new user", async () => {
    await storeHistory(2)
    await readStart(true)
    await wipeLocalData()
    expect(takeHistoryStart()).toBeUndefined()
    await storeHistory(2)
    await readStart(true)
    await writeMeta('user', { id: 'user-2', name: 'Bo', email: 'bo@example.com' })
    await expect.poll(() => takeHistoryStart()).toBeUndefined()
  })

  // Chromium reads the newest records of an index at once; other browsers read every id first.
  it.each([
    ['newest records first', true],
    ['every id first', false],
  ])(
    "should answer as Dexie's queries do, reading %s: requests on the device first, ties and all",
    async (_, records) => {
      const getAllRecords = Object.getOwnPropertyDescriptor(IDBIndex.prototype, 'getAllRecords')
      if (!records) Reflect.deleteProperty(IDBIndex.prototype, 'getAllRecords')
      onTestFinished(() => {
        if (getAllRecords) Object.defineProperty(IDBIndex.prototype, 'getAllRecords', getAllRecords)
      })
      const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 0, minute)).toISOString()
      const generations = Array.from({ length: FIRST_WINDOW + 4 }, (_, i) =>
        makeGeneration({ status: 'succeeded', createdAt: at(i % 5) })
      )
      await db.generations.bulkPut(generations)
      await db.outbox.bulkPut([
        makeEntry({ createdAt: at(2) }),
        makeRefusedEntry('OUT_OF_CREDITS', { createdAt: at(9) }),
        // A request on the device for a generation the server also has shows once, as the request.
        makeEntry({ id: generations[3]?.id, createdAt: at(1) }),
        // Cancels and deletes are not cards.
        makeEntry({ op: 'cancel', targetId: generations[0]?.id }),
      ])
      await readStart(true)
      const start = takeHistoryStart()
      const ids = await historyIds(ALL_HISTORY)
      expect(start?.ids).toEqual(records ? ids.slice(0, FIRST_WINDOW) : ids)
      expect(start?.complete).toBe(!records)
      expect(start?.items).toEqual(await historyItems(ids.slice(0, FIRST_WINDOW)))
      expect(await readStart(false)).toEqual(await readAuth())
    }
  )

  it('should fail rather than make the database on a device that has none', async () => {
    await readStart(false)
    const open = vi.spyOn(indexedDB, 'open')
    onTestFinished(() => open.mockRestore())
    await db.delete()
    // Found by an earlier start: the start opens at once, and takes back the database it made.
    await expect(readStart(true)).rejects.toThrow()
    expect((await indexedDB.databases()).map((database) => database.name)).not.toContain(DB_NAME)
    expect(open).toHaveBeenCalledTimes(1)
    // Now the start asks first, and opens nothing.
    await expect(readStart(true)).rejects.toThrow()
    expect(open).toHaveBeenCalledTimes(1)
    await db.open()
  })
})
