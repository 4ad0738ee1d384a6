import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BACKOFF_BASE_MS } from './backoff.ts'
import { connectionLost } from './connection.ts'
import { db } from './db.ts'
import { outboxErrorText } from './error-text.ts'
import { cancelGeneration, deleteGeneration, enqueueGeneration } from './outbox.ts'
import { signIn } from './session.ts'
import { flush, startSync } from './sync-engine.ts'
import type { FakeApi } from './testing/fake-api.ts'
import { adIntent, freshWorld, settle, shootIntent, signedInAs } from './testing/setup.ts'

const USER = { id: 'user-1', name: 'Ada', email: 'ada@example.com' }
let api: FakeApi

/** Lets time pass for the outbox without waiting: only `Date` is faked, IndexedDB keeps its timers. */
const advance = (ms: number) => vi.setSystemTime(Date.now() + ms)

beforeEach(async () => {
  api = await freshWorld()
  await signedInAs(USER)
  vi.useFakeTimers({ toFake: ['Date'] })
})

afterEach(async () => {
  await settle()
  vi.useRealTimers()
})

describe('flush: push', () => {
  it('should send a waiting request once and turn its card into the generation with the same id', async () => {
    const id = await enqueueGeneration(adIntent())
    await settle()
    expect(api.calls('POST', '/api/generations')).toHaveLength(1)
    expect(await db.outbox.count()).toBe(0)
    expect((await db.generations.get(id))?.status).toBe('queued')
    expect((await db.meta.get('balances'))?.value).toMatchObject({
      balances: { 'ad-graphic': 4 },
    })
  })

  it('should back off a retryable failure, at least as long as Retry-After, then send it', async () => {
    api.nextCreate.push({ code: 'SERVICE_UNAVAILABLE', retryAfter: '120' })
    const before = Date.now()
    const id = await enqueueGeneration(adIntent())
    await settle()
    const entry = await db.outbox.get(id)
    expect(entry).toMatchObject({ state: 'waiting', attempts: 1 })
    expect(entry?.lastError?.code).toBe('SERVICE_UNAVAILABLE')
    expect(entry?.nextAttemptAt).toBeGreaterThanOrEqual(before + 120_000)

    await flush()
    expect(api.calls('POST', '/api/generations')).toHaveLength(1)

    advance(121_000)
    await flush()
    expect(api.calls('POST', '/api/generations')).toHaveLength(2)
    expect(await db.outbox.get(id)).toBeUndefined()
    expect(await db.generations.get(id)).toBeDefined()
  })

  it('should stop the push on a network failure and retry within the first backoff ceiling', async () => {
    api.offline = true
    const first = await enqueueGeneration(adIntent('first'))
    advance(1)
    const second = await enqueueGeneration(adIntent('second'))
    await settle()
    const now = Date.now()
    const [a, b] = await db.outbox.bulkGet([first, second])
    expect(a).toMatchObject({ state: 'waiting', attempts: 1, lastError: { code: 'NETWORK' } })
    expect(a?.nextAttemptAt).toBeLessThanOrEqual(now + BACKOFF_BASE_MS)
    expect(b?.attempts).toBeLessThanOrEqual(1)
    const postsWhileOffline = api.calls('POST', '/api/generations').length

    api.offline = false
    advance(BACKOFF_BASE_MS * 4)
    await flush()
    expect(api.calls('POST', '/api/generations').length).toBe(postsWhileOffline + 2)
    expect(await db.outbox.count()).toBe(0)
  })

  it('should pause on 401, keep everything, and send after sign-in', async () => {
    api.signedIn = false
    const id = await enqueueGeneration(adIntent())
    await settle()
    expect(await db.outbox.get(id)).toMatchObject({
      state: 'paused',
      request: { prompt: 'A poster' },
    })
    expect((await db.meta.get('authState'))?.value).toBe('expired')
    expect((await db.meta.get('user'))?.value).toEqual(USER)

    await flush()
    expect(api.calls('POST', '/api/generations')).toHaveLength(1)

    await signIn({ email: USER.email, password: 'correct horse' })
    await settle()
    expect((await db.meta.get('authState'))?.value).toBe('signed-in')
    expect(await db.outbox.get(id)).toBeUndefined()
    expect(await db.generations.get(id)).toBeDefined()
    expect(api.debits).toBe(1)
  })

  it('should keep a refused request with its inputs and still send the next one', async () => {
    const refused = await enqueueGeneration(shootIntent(6))
    advance(1)
    const next = await enqueueGeneration(adIntent())
    await settle()
    const entry = await db.outbox.get(refused)
    expect(entry).toMatchObject({ state: 'rejected', request: { n: 6 } })
    expect(entry?.references).toHaveLength(1)
    expect(entry?.lastError?.code).toBe('OUT_OF_CREDITS')
    expect(
      outboxErrorText(
        entry?.lastError ?? { code: 'INTERNAL', message: '', status: 0 },
        entry?.workflow ?? 'ad-graphic'
      )
    ).toBe("Not sent: you don't have enough product shoot credits. Nothing was charged.")
    expect(await db.generations.get(next)).toBeDefined()
    expect(api.referenceCounts).toEqual([1, 0])

    await flush()
    expect(api.calls('POST', '/api/generations')).toHaveLength(2)
  })

  it('should resend with the same Idempotency-Key after a lost answer and be charged once', async () => {
    api.nextCreate.push('lost')
    const id = await enqueueGeneration(adIntent())
    await settle()
    expect(await db.outbox.get(id)).toMatchObject({ state: 'waiting', attempts: 1 })
    expect(api.debits).toBe(1)

    advance(60_000)
    await flush()
    const keys = api.calls('POST', '/api/generations').map((r) => r.idempotencyKey)
    expect(keys).toEqual([id, id])
    expect(api.debits).toBe(1)
    expect(await db.outbox.count()).toBe(0)
    expect((await db.generations.get(id))?.id).toBe(id)
  })

  it('should send each entry once when two flushes are asked for at the same time', async () => {
    await db.meta.put({ key: 'authState', value: 'signed-out' })
    await enqueueGeneration(adIntent('one'))
    advance(1)
    await enqueueGeneration(adIntent('two'))
    await db.meta.put({ key: 'authState', value: 'signed-in' })
    let release = () => {}
    api.gate = new Promise((resolve) => {
      release = resolve
    })
    const both = Promise.all([flush(), flush()])
    release()
    await both
    await settle()
    const keys = api.calls('POST', '/api/generations').map((r) => r.idempotencyKey)
    expect(keys).toHaveLength(2)
    expect(new Set(keys).size).toBe(2)
  })
})

describe('flush: cancel and delete', () => {
  it('should show a cancel at once and send it', async () => {
    const g = api.seed({ status: 'queued' })
    await flush()
    await cancelGeneration(g.id)
    expect((await db.generations.get(g.id))?.status).toBe('canceled')
    await settle()
    expect(api.generations.get(g.id)?.status).toBe('canceled')
    expect(await db.outbox.count()).toBe(0)
  })

  it('should not bring back a deleted generation while its delete is still waiting', async () => {
    const g = api.seed({ status: 'succeeded' })
    await flush()
    api.offline = true
    await deleteGeneration(g.id)
    expect(await db.generations.get(g.id)).toBeUndefined()
    await settle()
    api.offline = false
    api.update(g.id, { refunded: 0 })
    await db.outbox.toCollection().modify({ nextAttemptAt: Date.now() + 60_000 })
    await flush()
    expect(await db.generations.get(g.id)).toBeUndefined()

    advance(61_000)
    await flush()
    expect(api.generations.has(g.id)).toBe(false)
    expect(await db.outbox.count()).toBe(0)
    expect(await db.generations.get(g.id)).toBeUndefined()
  })
})

describe('flush: pull', () => {
  it('should pull every page by cursor and apply tombstones', async () => {
    api.pageSize = 2
    const [a, b, c] = [api.seed(), api.seed(), api.seed()]
    await flush()
    expect(await db.generations.count()).toBe(3)
    expect(api.calls('GET', '/api/sync').map((r) => r.cursor)).toEqual([0, 2])
    expect((await db.meta.get('cursor'))?.value).toBe(3)

    api.remove(b.id)
    api.update(c.id, { status: 'running' })
    await flush()
    expect(api.calls('GET', '/api/sync').at(-1)?.cursor).toBe(3)
    expect(await db.generations.get(b.id)).toBeUndefined()
    expect((await db.generations.get(c.id))?.status).toBe('running')
    expect(await db.generations.get(a.id)).toBeDefined()
    expect((await db.meta.get('lastSyncError'))?.value).toBeNull()
  })

  it('should drop the synced copy on reset, pull again from 0 and keep the outbox', async () => {
    const kept = api.seed()
    const gone = api.seed()
    await flush()
    api.generations.delete(gone.id)
    api.nextCreate.push({ code: 'OUT_OF_CREDITS' })
    const rejected = await enqueueGeneration(adIntent())
    await settle()
    api.resetNextSync = true
    await flush()
    expect(api.calls('GET', '/api/sync').at(-1)?.cursor).toBe(0)
    expect((await db.generations.toCollection().primaryKeys()).sort()).toEqual([kept.id])
    expect((await db.outbox.get(rejected))?.state).toBe('rejected')
  })

  it('should pull everything again when the database was wiped under the app', async () => {
    const g = api.seed()
    await flush()
    expect((await db.meta.get('cursor'))?.value).toBe(1)
    await db.generations.clear()
    await db.meta.delete('sentinel')
    await flush()
    expect(api.calls('GET', '/api/sync').at(-1)?.cursor).toBe(0)
    expect(await db.generations.get(g.id)).toBeDefined()
  })

  it('should record a failed pull and keep the local copy', async () => {
    const g = api.seed()
    await flush()
    api.nextSync.push({ code: 'INTERNAL' })
    const result = await flush()
    expect(result.stoppedBy).toBe('server')
    expect((await db.meta.get('lastSyncError'))?.value).toBe('INTERNAL')
    expect(await db.generations.get(g.id)).toBeDefined()
  })
})

describe('startSync', () => {
  it('should send a request that failed offline at once when the browser says it is online', async () => {
    api.offline = true
    const id = await enqueueGeneration(adIntent())
    await settle()
    expect((await db.outbox.get(id))?.nextAttemptAt).toBeGreaterThan(0)
    await db.outbox.update(id, { nextAttemptAt: Date.now() + 50_000 })
    const stop = startSync()
    try {
      await settle()
      api.offline = false
      window.dispatchEvent(new Event('online'))
      await vi.waitUntil(async () => (await db.generations.get(id)) !== undefined)
      expect(api.debits).toBe(1)
    } finally {
      stop()
    }
  })

  it('should try again on the short tick while requests fail for lack of a network', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval'] })
    const stop = startSync()
    try {
      await settle()
      api.offline = true
      await flush()
      expect(connectionLost()).toBe(true)
      api.offline = false
      vi.advanceTimersByTime(3_000)
      await vi.waitUntil(() => !connectionLost())
    } finally {
      stop()
    }
  })
})
