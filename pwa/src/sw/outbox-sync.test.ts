import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { db } from '../data/db.ts'
import { enqueueGeneration } from '../data/outbox.ts'
import type { FakeApi } from '../data/testing/fake-api.ts'
import { adIntent, freshWorld, settle, signedInAs } from '../data/testing/setup.ts'
import { syncOutbox } from './outbox-sync.ts'

let api: FakeApi

beforeEach(async () => {
  api = await freshWorld()
  await signedInAs({ id: 'user-1', name: 'Ada', email: 'ada@example.com' })
})

afterEach(async () => {
  await settle()
})

/** A request the device tried to send while `api` answered as given; its backoff has 50 s left. */
const queuedDuringBackoff = async (): Promise<string> => {
  const id = await enqueueGeneration(adIntent())
  await settle()
  await db.outbox.update(id, { nextAttemptAt: Date.now() + 50_000 })
  return id
}

describe('syncOutbox (Background Sync in the service worker)', () => {
  it('should send a request that failed offline at once, not after its backoff', async () => {
    api.offline = true
    const id = await queuedDuringBackoff()
    api.offline = false
    await syncOutbox()
    expect(await db.outbox.get(id)).toBeUndefined()
    expect((await db.generations.get(id))?.id).toBe(id)
    expect(api.debits).toBe(1)
  })

  it('should leave a request the server asked to wait to its backoff', async () => {
    api.nextCreate.push({ code: 'SERVICE_UNAVAILABLE', retryAfter: '50' })
    const id = await queuedDuringBackoff()
    await syncOutbox()
    expect((await db.outbox.get(id))?.lastError?.code).toBe('SERVICE_UNAVAILABLE')
    expect(api.calls('POST', '/api/generations')).toHaveLength(1)
  })

  it('should throw while still offline, so the browser fires the event again later', async () => {
    api.offline = true
    const id = await queuedDuringBackoff()
    await expect(syncOutbox()).rejects.toThrow()
    expect((await db.outbox.get(id))?.state).toBe('waiting')
  })
})
