import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as z from 'zod'
import { ApiClientError, apiFetch, apiJson } from './api.ts'
import { TIMEOUTS } from './timeouts.ts'

/** A `fetch` that never answers and ignores its signal; returns the signals it was given. */
const neverAnswers = (): (AbortSignal | undefined)[] => {
  const signals: (AbortSignal | undefined)[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn((_input: RequestInfo | URL, init?: RequestInit) => {
      signals.push(init?.signal ?? undefined)
      return new Promise<Response>(() => undefined)
    })
  )
  return signals
}

/** The call's outcome, without an unhandled rejection while the clock is moved. */
const outcome = (call: Promise<unknown>) => {
  const state: { settled: boolean; error?: unknown } = { settled: false }
  const done = call.then(
    () => {
      state.settled = true
    },
    (error: unknown) => {
      state.settled = true
      state.error = error
    }
  )
  return { state, done }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

/** @see the security issue: no call had a timeout, so a hanging network held the app forever. */
describe('apiFetch deadlines', () => {
  it('should give up on a call that never answers with a retryable NETWORK error, and abort it', async () => {
    const signals = neverAnswers()
    const { state, done } = outcome(apiFetch('/api/me'))
    await vi.advanceTimersByTimeAsync(TIMEOUTS.json)
    await done
    expect(state.error).toBeInstanceOf(ApiClientError)
    expect(state.error).toMatchObject({ code: 'NETWORK', status: 0, retryable: true })
    expect(signals[0]?.aborted).toBe(true)
  })

  it('should give apiJson the same deadline', async () => {
    neverAnswers()
    const { state, done } = outcome(apiJson('/api/config', z.unknown()))
    await vi.advanceTimersByTimeAsync(TIMEOUTS.json)
    await done
    expect(state.error).toMatchObject({ code: 'NETWORK' })
  })

  it('should wait longer for an upload than for a JSON call', async () => {
    neverAnswers()
    const { state, done } = outcome(
      apiFetch('/api/generations', { method: 'POST', timeoutMs: TIMEOUTS.upload })
    )
    await vi.advanceTimersByTimeAsync(TIMEOUTS.json)
    expect(state.settled).toBe(false)
    await vi.advanceTimersByTimeAsync(TIMEOUTS.upload - TIMEOUTS.json)
    await done
    expect(state.error).toMatchObject({ code: 'NETWORK' })
  })

  it('should leave an answer that came in time alone', async () => {
    vi.stubGlobal('fetch', async () => new Response('{"ok":true}', { status: 200 }))
    expect(await apiJson('/api/config', z.object({ ok: z.boolean() }))).toEqual({ ok: true })
    await vi.advanceTimersByTimeAsync(TIMEOUTS.upload)
  })
})

describe('an answer without our error envelope', () => {
  it.each([
    [405, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [415, 'UNSUPPORTED_MEDIA_TYPE'],
    [401, 'UNAUTHENTICATED'],
    [502, 'INTERNAL'],
    [418, 'VALIDATION_FAILED'],
  ])('should take the code for %i from the table the server uses', async (status, code) => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>proxy page</html>', { status }))
    )
    await expect(apiFetch('/api/x')).rejects.toMatchObject({ code, status })
  })
})
