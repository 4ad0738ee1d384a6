import { afterEach, describe, expect, it, vi } from 'vitest'
import './app-session-list.ts'
import type { AppSessionList } from './app-session-list.ts'

const row = (token: string) => ({
  id: token,
  token,
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36',
  createdAt: '2026-11-20T09:30:00.000Z',
  updatedAt: '2026-11-21T09:30:00.000Z',
})

const json = (body: unknown): Response =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })

/** The sessions endpoint fails `failures` times, then lists this device and one other. */
const serve = (failures: number) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const path = new URL(String(input), 'http://x').pathname
      if (path.endsWith('/get-session')) return json({ session: { token: 'mine' } })
      if (failures-- > 0) throw new TypeError('offline')
      return json([row('mine'), row('other')])
    })
  )

const text = (el: AppSessionList): string =>
  (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim()

const mount = (online = true): AppSessionList => {
  const el = document.createElement('app-session-list')
  el.online = online
  document.body.append(el)
  return el
}

describe('<app-session-list>', () => {
  afterEach(() => {
    document.body.replaceChildren()
    vi.unstubAllGlobals()
  })

  it('should list this device first and offer to sign out the others', async () => {
    serve(0)
    const el = mount()
    await expect.poll(() => text(el)).toContain('This device')
    expect(text(el)).toContain('Sign out of all other devices')
  })

  it('should offer Retry when the list cannot load, and show it after', async () => {
    serve(1)
    const el = mount()
    await expect.poll(() => text(el)).toContain("Couldn't load your devices.")
    el.shadowRoot?.querySelector('button')?.click()
    await expect.poll(() => text(el)).toContain('This device')
  })

  it('should ask nothing offline, and load when the device comes online', async () => {
    serve(0)
    const el = mount(false)
    await expect.poll(() => text(el)).toBe('Needs a connection')
    expect(fetch).not.toHaveBeenCalled()
    el.online = true
    await expect.poll(() => text(el)).toContain('This device')
  })
})
