import { env } from 'cloudflare:workers'
import { PASSWORD_TOO_COMMON } from '@app/shared-types'
import { describe, expect, it } from 'vitest'
import {
  emailsTo,
  followLink,
  getWith,
  linkFromEmail,
  postJson,
  randomIp,
  signIn,
  signUp,
} from '../../test/accounts.ts'

const NEW_PASSWORD = 'a brand new passphrase'

const requestReset = (email: string) =>
  postJson(
    '/api/auth/request-password-reset',
    { email, redirectTo: '/reset-password' },
    { 'cf-connecting-ip': randomIp() }
  )

const resetPassword = (token: string, newPassword: string) =>
  postJson('/api/auth/reset-password', { token, newPassword }, { 'cf-connecting-ip': randomIp() })

const authCode = async (res: Response) => ((await res.json()) as { code?: string }).code

/** Asks for a reset and follows the emailed link to the app's page; returns the token it carries. */
const resetToken = async (email: string) => {
  expect((await requestReset(email)).status).toBe(200)
  const res = await followLink(await linkFromEmail(email, /^Reset your Addreams password/))
  expect(res.status).toBe(302)
  const landing = new URL(res.headers.get('location') ?? '', 'http://x')
  expect(landing.pathname).toBe('/reset-password')
  return landing.searchParams.get('token') ?? ''
}

const hasSession = async (cookie: string) =>
  (await (await getWith('/api/auth/get-session', cookie)).json()) !== null

describe('password reset', () => {
  it('should answer alike whether or not the address has an account', async () => {
    const { email } = await signUp()
    const known = await requestReset(email)
    const unknown = await requestReset(`nobody-${crypto.randomUUID()}@example.test`)
    expect(known.status).toBe(unknown.status)
    expect(await known.json()).toEqual(await unknown.json())
  })

  it('should email a single-use link; the new password works, and every session is revoked', async () => {
    const { email, password, cookie } = await signUp()
    const other = await signIn(email, password)
    const token = await resetToken(email)
    const [sent] = await emailsTo(email)
    expect(sent?.text).toMatch(/If you did not ask for this/)
    expect((await resetPassword(token, NEW_PASSWORD)).status).toBe(200)
    expect(await hasSession(cookie)).toBe(false)
    expect(await hasSession(other)).toBe(false)
    expect(await hasSession(await signIn(email, NEW_PASSWORD))).toBe(true)
    const again = await resetPassword(token, 'yet another passphrase')
    expect(again.status).toBe(400)
    expect(await authCode(again)).toBe('INVALID_TOKEN')
    const old = await postJson(
      '/api/auth/sign-in/email',
      { email, password },
      { 'cf-connecting-ip': randomIp() }
    )
    expect(old.status).toBe(401)
  })

  it('should refuse an expired link', async () => {
    const { email } = await signUp()
    const token = await resetToken(email)
    await env.DB.prepare('UPDATE verification SET expires_at = ? WHERE identifier = ?')
      .bind(Date.now() - 1000, `reset-password:${token}`)
      .run()
    const res = await resetPassword(token, NEW_PASSWORD)
    expect(res.status).toBe(400)
    expect(await authCode(res)).toBe('INVALID_TOKEN')
    const link = await linkFromEmail(email, /^Reset your Addreams password/)
    const landing = (await followLink(link)).headers.get('location') ?? ''
    expect(new URL(landing, 'http://x').searchParams.get('error')).toBe('INVALID_TOKEN')
  })

  it('should refuse a common password and leave the link usable', async () => {
    const { email } = await signUp()
    const token = await resetToken(email)
    const refused = await resetPassword(token, 'Password123')
    expect(refused.status).toBe(400)
    expect(await authCode(refused)).toBe(PASSWORD_TOO_COMMON)
    expect((await resetPassword(token, NEW_PASSWORD)).status).toBe(200)
  })

  it('should send one address at most three links an hour, answering 429 after', async () => {
    const email = `nobody-${crypto.randomUUID()}@example.test`
    for (let i = 0; i < 3; i++) expect((await requestReset(email)).status).toBe(200)
    const refused = await requestReset(email.toUpperCase())
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await authCode(refused)).toBe('RATE_LIMITED')
  })
})

describe('common passwords', () => {
  it('should refuse one at sign-up and at a password change', async () => {
    const email = `u-${crypto.randomUUID()}@example.test`
    const res = await postJson(
      '/api/auth/sign-up/email',
      { name: 'Test', email, password: 'iloveyou' },
      { 'cf-connecting-ip': randomIp() }
    )
    expect(res.status).toBe(400)
    expect(await authCode(res)).toBe(PASSWORD_TOO_COMMON)
    const user = await signUp()
    const change = await postJson(
      '/api/auth/change-password',
      { currentPassword: user.password, newPassword: 'QWERTYUIOP' },
      { cookie: user.cookie, 'cf-connecting-ip': randomIp() }
    )
    expect(change.status).toBe(400)
    expect(await authCode(change)).toBe(PASSWORD_TOO_COMMON)
  })
})
