import { afterEach, describe, expect, it, vi } from 'vitest'
import { apiFetch } from './api.ts'
import { connectionLost, onConnectionChange } from './connection.ts'
import { requestWithNetwork } from './testing/network.ts'

afterEach(async () => {
  await requestWithNetwork(true)
  vi.unstubAllGlobals()
})

describe('connectionLost', () => {
  it('should follow whether the last request got an answer, whatever its status', async () => {
    const changes = vi.fn()
    const stop = onConnectionChange(changes)
    await requestWithNetwork(false)
    expect(connectionLost()).toBe(true)
    vi.stubGlobal('fetch', async () => new Response(null, { status: 503 }))
    await expect(apiFetch('/api/sync')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' })
    expect(connectionLost()).toBe(false)
    expect(changes).toHaveBeenCalledTimes(2)
    stop()
  })

  it('should end when the browser says it is online again', async () => {
    await requestWithNetwork(false)
    window.dispatchEvent(new Event('online'))
    expect(connectionLost()).toBe(false)
  })
})
