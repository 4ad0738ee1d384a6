import { afterEach, describe, expect, it, vi } from 'vitest'
import './app-verify-notice.ts'
import type { AppVerifyNotice } from './app-verify-notice.ts'

const user = (emailVerified?: boolean) => ({
  id: 'u1',
  name: 'Ada',
  email: 'ada@example.com',
  emailVerified,
})

const mount = async (emailVerified?: boolean): Promise<AppVerifyNotice> => {
  const el = document.createElement('app-verify-notice')
  el.user = user(emailVerified)
  document.body.append(el)
  await el.updateComplete
  return el
}

const text = (el: AppVerifyNotice) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? ''
const button = (el: AppVerifyNotice) => el.shadowRoot?.querySelector('button') as HTMLButtonElement

describe('<app-verify-notice>', () => {
  afterEach(() => {
    document.body.replaceChildren()
    vi.unstubAllGlobals()
  })

  it('should say why generating waits, only while the email is unverified', async () => {
    const el = await mount(false)
    expect(text(el)).toContain('Verify your email to start generating.')
    expect(text(el)).toContain('ada@example.com')
    expect(el.shadowRoot?.querySelector('section')?.getAttribute('aria-label')).toBe(
      'Verify your email'
    )
    expect((await mount(true)).shadowRoot?.querySelector('section')).toBeNull()
    expect((await mount(undefined)).shadowRoot?.querySelector('section')).toBeNull()
  })

  it('should resend the email and say so in a status, or say when it was asked too often', async () => {
    const fetchMock = vi.fn(async () => Response.json({ status: true }))
    vi.stubGlobal('fetch', fetchMock)
    const el = await mount(false)
    button(el).click()
    await vi.waitFor(() => expect(text(el)).toContain('Sent. Check your inbox'))
    const [path, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(path).toBe('/api/auth/send-verification-email')
    expect(JSON.parse(String(init.body))).toMatchObject({ email: 'ada@example.com' })
    expect(el.shadowRoot?.querySelector('[role="status"]')?.textContent).toContain('Sent.')

    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json({ code: 'RATE_LIMITED', message: 'Too many' }, { status: 429 })
      )
    )
    button(el).click()
    await vi.waitFor(() => expect(text(el)).toContain("You've asked for several emails."))
  })
})
