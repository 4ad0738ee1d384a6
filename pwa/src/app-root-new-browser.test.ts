import { afterEach, describe, expect, it, vi } from 'vitest'

/** Opened once the session check's code is asked for. */
const sessionAsked = vi.hoisted(() => {
  let open = (): void => undefined
  const asked = new Promise<void>((resolve) => {
    open = resolve
  })
  return { asked, open: () => open() }
})

vi.mock('./data/session.ts', async (importOriginal) => {
  sessionAsked.open()
  return importOriginal()
})
// The frame's data layer finishes loading only once the session check's code has been asked
// for: a start that asks for it only after the data layer has loaded never gets there.
vi.mock('./data/frame.ts', async (importOriginal) => {
  await sessionAsked.asked
  return importOriginal()
})

import './app-root.ts'
import { db } from './data/db.ts'

describe('<app-root> on a new browser with a session on the server', () => {
  afterEach(() => {
    document.body.replaceChildren()
    vi.unstubAllGlobals()
  })

  it("should load the session check's code together with the data layer, not after it", async () => {
    // Nothing stored: no database at all (the app's first write makes it).
    await db.delete({ disableAutoOpen: false })
    const user = { id: 'u9', name: 'Di', email: 'di@example.com' }
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        url === '/api/auth/get-session'
          ? Promise.resolve(new Response(JSON.stringify({ session: { token: 't' }, user })))
          : Promise.reject(new TypeError('no network in tests'))
      )
    )
    window.history.replaceState(null, '', '/history')
    document.body.append(document.createElement('app-root'))
    await expect
      .poll(async () => (await db.meta.get('user'))?.value, { timeout: 10_000 })
      .toMatchObject({ id: 'u9' })
    expect(window.location.pathname).toBe('/history')
  })
})
