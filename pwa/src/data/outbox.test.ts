import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from './db.ts'
import {
  cancelAllWaiting,
  discardEntry,
  enqueueGeneration,
  resendEntry,
  unsentEntries,
} from './outbox.ts'
import { countWaiting } from './outbox-count.ts'
import { adIntent, freshWorld } from './testing/setup.ts'

beforeEach(async () => {
  await freshWorld()
  // Signed out: nothing is sent, so the entries stay as written.
  await db.meta.put({ key: 'authState', value: 'signed-out' })
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('enqueueGeneration', () => {
  it('should store the intent as a waiting entry whose id is a UUID', async () => {
    const id = await enqueueGeneration(adIntent('A red poster'))
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(await db.outbox.get(id)).toMatchObject({
      op: 'generate',
      state: 'waiting',
      attempts: 0,
      workflow: 'ad-graphic',
      request: { prompt: 'A red poster' },
      schemaVersion: 1,
    })
    expect(await countWaiting()).toBe(1)
  })

  it('should ask the browser once to keep the data when the first work is saved on the device', async () => {
    const persist = vi.fn(async () => false)
    vi.stubGlobal('navigator', {
      ...navigator,
      storage: { persisted: async () => false, persist },
    })
    await enqueueGeneration(adIntent('First'))
    await vi.waitFor(() => expect(persist).toHaveBeenCalledOnce())
    expect(await db.meta.get('persistRequested')).toEqual({ key: 'persistRequested', value: true })
    // Refused or not, it is not asked again on every request (Firefox would prompt each time).
    await enqueueGeneration(adIntent('Second'))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(persist).toHaveBeenCalledOnce()
  })
})

describe('resendEntry', () => {
  it('should keep the id of a plain resend and give an edited one a new id', async () => {
    const id = await enqueueGeneration(adIntent())
    await db.outbox.update(id, {
      state: 'rejected',
      attempts: 3,
      lastError: { code: 'OUT_OF_CREDITS', message: '', status: 402 },
    })
    expect(await resendEntry(id)).toBe(id)
    expect(await db.outbox.get(id)).toMatchObject({ state: 'waiting', attempts: 0 })
    expect((await db.outbox.get(id))?.lastError).toBeUndefined()

    await db.outbox.update(id, { state: 'rejected' })
    const edited = await resendEntry(id, { request: adIntent('Edited').request, references: [] })
    expect(edited).not.toBe(id)
    expect(await db.outbox.get(id)).toBeUndefined()
    expect(await db.outbox.get(edited)).toMatchObject({
      state: 'waiting',
      request: { prompt: 'Edited' },
    })
  })
})

describe('cancelAllWaiting and discardEntry', () => {
  it('should remove waiting and paused requests but keep refused ones for editing', async () => {
    const waiting = await enqueueGeneration(adIntent('1'))
    const paused = await enqueueGeneration(adIntent('2'))
    const rejected = await enqueueGeneration(adIntent('3'))
    await db.outbox.update(paused, { state: 'paused' })
    await db.outbox.update(rejected, { state: 'rejected' })
    expect(await countWaiting()).toBe(2)
    expect((await unsentEntries()).map((e) => e.id)).toEqual([waiting, paused, rejected])

    expect(await cancelAllWaiting()).toBe(2)
    expect(await db.outbox.toCollection().primaryKeys()).toEqual([rejected])
    await discardEntry(rejected)
    expect(await db.outbox.count()).toBe(0)
  })
})
