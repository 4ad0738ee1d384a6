import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppDB } from './db.ts'
import { hasServerSession, mayHaveLocalData } from './frame-checks.ts'
import { TIMEOUTS } from './timeouts.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('mayHaveLocalData', () => {
  it('should say no until the database exists, and yes once it does', async () => {
    await indexedDB.deleteDatabase('addreams')
    expect(await mayHaveLocalData()).toBe(false)
    const db = new AppDB()
    await db.open()
    expect(await mayHaveLocalData()).toBe(true)
    db.close()
  })

  it('should say yes where the browser cannot list its databases', async () => {
    vi.stubGlobal('indexedDB', {})
    expect(await mayHaveLocalData()).toBe(true)
  })
})

describe('hasServerSession', () => {
  const answer = (body: unknown, status = 200) =>
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(body), { status }))
    )

  it('should say yes only when the server answers a session', async () => {
    answer({ session: { id: 's' }, user: { id: 'u' } })
    expect(await hasServerSession()).toBe(true)
    answer(null)
    expect(await hasServerSession()).toBe(false)
    answer({ code: 'INTERNAL' }, 500)
    expect(await hasServerSession()).toBe(false)
  })

  it('should say no when offline', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('offline')))
    )
    expect(await hasServerSession()).toBe(false)
  })
})

describe('hasServerSession on a network that never answers', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('should give up at the deadline and say no', async () => {
    vi.useFakeTimers()
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_input: RequestInfo | URL, init?: RequestInit) =>
          new Promise<Response>((_, reject) => {
            init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
          })
      )
    )
    const answer = hasServerSession()
    await vi.advanceTimersByTimeAsync(TIMEOUTS.json)
    expect(await answer).toBe(false)
  })
})
