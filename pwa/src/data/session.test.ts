import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadConfig } from './config.ts'
import { db } from './db.ts'
import { IMAGE_CACHE } from './image-cache.ts'
import { enqueueGeneration } from './outbox.ts'
import { readUser, refreshSession, signIn, signOut } from './session.ts'
import { flush } from './sync-engine.ts'
import type { FakeApi } from './testing/fake-api.ts'
import { makeGeneration } from './testing/fake-api.ts'
import { adIntent, freshWorld, settle, signedInAs } from './testing/setup.ts'

const ADA = { id: 'user-1', name: 'Ada', email: 'ada@example.com' }
let api: FakeApi
let deletedCaches: string[]

/** Fills every table as a signed-in user's device would be. */
const fillDevice = async () => {
  await db.generations.put(makeGeneration())
  await db.thumbnails.put({ id: 'x', blob: new Blob(['t']), width: 1, height: 1 })
  await db.drafts.put({
    workflow: 'ad-graphic',
    fields: { prompt: 'hi' },
    photos: [],
    updatedAt: '',
  })
  await db.meta.bulkPut([
    { key: 'cursor', value: 7 },
    { key: 'config', value: { imageProvider: 'simulator' } as never },
  ])
  await db.meta.put({ key: 'authState', value: 'signed-out' })
  await enqueueGeneration(adIntent())
  await db.meta.put({ key: 'authState', value: 'signed-in' })
}

beforeEach(async () => {
  api = await freshWorld()
  await signedInAs(ADA)
  deletedCaches = []
  vi.stubGlobal('caches', {
    delete: async (name: string) => {
      deletedCaches.push(name)
      return true
    },
  })
})

afterEach(async () => {
  await settle()
})

describe('signOut', () => {
  it('should remove every local trace of the user but keep the config, even offline', async () => {
    await fillDevice()
    api.offline = true
    await signOut()
    expect(await db.generations.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
    expect(await db.thumbnails.count()).toBe(0)
    expect(await db.drafts.count()).toBe(0)
    expect((await db.meta.toCollection().primaryKeys()).sort()).toEqual([
      'authState',
      'config',
      'signOutPending',
    ])
    expect((await db.meta.get('authState'))?.value).toBe('signed-out')
    expect(deletedCaches).toContain(IMAGE_CACHE)
    expect(await readUser()).toBeNull()
  })
})

describe('signOut while offline', () => {
  it('should finish the sign-out on the server once online, not sign the user back in', async () => {
    api.offline = true
    await signOut()
    api.offline = false
    expect(await refreshSession()).toBeNull()
    expect(api.calls('POST', '/api/auth/sign-out').length).toBe(2)
    expect(api.signedIn).toBe(false)
    expect(await readUser()).toBeNull()
    expect((await db.meta.get('authState'))?.value).toBe('signed-out')
  })
})

/**
 * Answers every request as the fake server would have when it was sent, but only once `release`
 * is called: a network that hangs.
 */
const holdAnswers = (fake: FakeApi, events: string[] = []) => {
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input), 'http://app.test').pathname
    events.push(`sent ${path}`)
    const answer = fake.fetch(input, init)
    await released
    events.push(`answered ${path}`)
    return answer
  })
  return release
}

/** A Web Locks stand-in that runs the tasks of one name one after the other. */
const queuedLocks = () => {
  let tail: Promise<unknown> = Promise.resolve()
  return {
    request: (_name: string, task: () => Promise<unknown>) => {
      const run = tail.then(task)
      tail = run.catch(() => undefined)
      return run
    },
  }
}

/** @see the security issue: sign-out waited on the network before it deleted anything. */
describe('signOut on a network that never answers', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'locks')
  })

  it('should wipe the device at once and end the server session once the network answers', async () => {
    await fillDevice()
    const release = holdAnswers(api)
    await signOut()
    expect(await db.generations.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
    expect(await db.drafts.count()).toBe(0)
    expect(await readUser()).toBeNull()
    expect((await db.meta.get('authState'))?.value).toBe('signed-out')
    expect((await db.meta.get('signOutPending'))?.value).toBe(true)
    release()
    await expect.poll(async () => (await db.meta.get('signOutPending'))?.value).toBeUndefined()
    expect(api.signedIn).toBe(false)
  }, 5_000)

  it('should wipe again what a sync under way at sign-out writes back when it ends', async () => {
    Object.defineProperty(navigator, 'locks', { value: queuedLocks(), configurable: true })
    api.seed({ params: { prompt: 'Private poster', n: 1, promptExtend: true } })
    const release = holdAnswers(api)
    const syncing = flush()
    await expect.poll(() => api.calls('GET', '/api/sync').length).toBe(1)
    await signOut()
    expect(await db.generations.count()).toBe(0)
    release()
    expect((await syncing).pulled).toBe(1)
    await expect.poll(() => db.generations.count()).toBe(0)
    await expect.poll(async () => (await db.meta.get('authState'))?.value).toBe('signed-out')
    expect(await readUser()).toBeNull()
  }, 5_000)
})

describe('a sign-out not yet ended on the server', () => {
  it('should reach the server before a new sign-in, whose cookie its answer would clear', async () => {
    const events: string[] = []
    const release = holdAnswers(api, events)
    await signOut()
    const signingIn = signIn({ email: ADA.email, password: 'correct horse' })
    release()
    await signingIn
    expect(events.indexOf('answered /api/auth/sign-out')).toBeGreaterThanOrEqual(0)
    expect(events.indexOf('answered /api/auth/sign-out')).toBeLessThan(
      events.indexOf('sent /api/auth/sign-in/email')
    )
  })

  it('should finish the wipe of a sign-out the app closed in the middle of', async () => {
    await fillDevice()
    await db.meta.bulkPut([
      { key: 'authState', value: 'signed-out' },
      { key: 'signOutPending', value: true },
    ])
    expect(await refreshSession()).toBeNull()
    expect(await db.generations.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
    expect(await readUser()).toBeNull()
    expect(api.signedIn).toBe(false)
  })
})

describe('signIn', () => {
  it("should wipe the previous user's data when another user signs in", async () => {
    await fillDevice()
    api.user = { id: 'user-2', name: 'Grace', email: 'grace@example.com' }
    api.signedIn = false
    await signIn({ email: 'grace@example.com', password: 'correct horse' })
    expect(await db.generations.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
    expect(await db.drafts.count()).toBe(0)
    expect((await readUser())?.id).toBe('user-2')
    expect(deletedCaches).toEqual([IMAGE_CACHE])
  })

  it('should keep the data when the same user signs in again', async () => {
    await fillDevice()
    await signIn({ email: ADA.email, password: 'correct horse' })
    await settle()
    expect(await db.drafts.count()).toBe(1)
    expect(deletedCaches).toEqual([])
  })
})

describe('the public config', () => {
  it.each([
    ['signs in', () => signIn({ email: ADA.email, password: 'correct horse' })],
    ['finds a session on its first check', () => refreshSession()],
  ])('should be on the device for the studios offline once it %s', async (_, signInNow) => {
    await db.meta.clear()
    await signInNow()
    // Stored after the sign-in has answered: the start waits for the user only.
    await expect.poll(async () => (await db.meta.get('config')) !== undefined).toBe(true)
    api.offline = true
    const config = await loadConfig()
    expect(config.workflows['ad-graphic'].model.id).toBe('qwen-image-max')
    expect(config.workflows['product-shoot'].model.id).toBe('qwen-image-edit-max')
  })
})

describe('refreshSession', () => {
  it('should keep the stored user when the server cannot be reached', async () => {
    api.offline = true
    expect(await refreshSession()).toEqual(ADA)
    expect((await db.meta.get('authState'))?.value).toBe('signed-in')
  })

  it('should mark the session expired and delete nothing when the server has no session', async () => {
    await fillDevice()
    api.signedIn = false
    expect(await refreshSession()).toBeNull()
    expect((await db.meta.get('authState'))?.value).toBe('expired')
    expect(await db.generations.count()).toBe(1)
    expect((await db.outbox.toArray()).map((e) => e.state)).toEqual(['paused'])
  })
})
