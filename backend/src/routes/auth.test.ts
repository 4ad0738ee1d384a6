import { env } from 'cloudflare:workers'
import { profileSchema } from '@app/shared-types'
import { describe, expect, it } from 'vitest'
import {
  cookieOf,
  expectLedgerInvariant,
  getWith,
  ORIGIN,
  postJson,
  randomIp,
  signIn,
  signUp,
} from '../../test/accounts.ts'
import { call, errorBody } from '../../test/api.ts'
import { app } from '../index.ts'

describe('sign-up and sign-in', () => {
  it('should give a new account 1 credit per workflow, visible in /api/me', async () => {
    const { cookie, userId, email } = await signUp()
    const res = await getWith('/api/me', cookie)
    expect(res.status).toBe(200)
    const profile = profileSchema.parse(await res.json())
    expect(profile.balances).toEqual({ 'product-shoot': 1, 'ad-graphic': 1 })
    expect(profile.accountType).toBe('free')
    expect(profile.user).toMatchObject({ id: userId, email, emailVerified: true })
    await expectLedgerInvariant(userId)
  })

  it('should refuse a second account with the same email, with a code', async () => {
    const { email } = await signUp()
    const res = await postJson(
      '/api/auth/sign-up/email',
      { name: 'Again', email, password: 'another password' },
      { 'cf-connecting-ip': randomIp() }
    )
    expect(res.status).toBe(422)
    expect(((await res.json()) as { code: string }).code).toBe(
      'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL'
    )
  })

  it('should answer a wrong password with 401 and the 4th attempt in 10 s from one IP with 429', async () => {
    const { email } = await signUp()
    const ip = randomIp()
    const attempt = () =>
      postJson(
        '/api/auth/sign-in/email',
        { email, password: 'wrong password' },
        { 'cf-connecting-ip': ip }
      )
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await attempt()).status)
    expect(statuses).toEqual([401, 401, 401])
    const fourth = await attempt()
    expect(fourth.status).toBe(429)
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await fourth.json()) as { code: string }).code).toBe('RATE_LIMITED')
    const otherIp = await postJson(
      '/api/auth/sign-in/email',
      { email, password: 'wrong password' },
      { 'cf-connecting-ip': randomIp() }
    )
    expect(otherIp.status).toBe(401)
  })

  it('should limit sign-ups per IP as configured', async () => {
    const strict = { ...env, RATE_LIMIT_SIGN_UP: '2/600' }
    const ip = randomIp()
    const statuses = []
    for (let i = 0; i < 3; i++) {
      const res = await app.request(
        '/api/auth/sign-up/email',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': ip },
          body: JSON.stringify({
            name: 'N',
            email: `u-${crypto.randomUUID()}@example.test`,
            password: 'long enough password',
          }),
        },
        strict
      )
      statuses.push(res.status)
    }
    expect(statuses).toEqual([200, 200, 429])
  })
})

describe('session cookie', () => {
  it('should be HttpOnly and SameSite=Lax, without Secure on plain http', async () => {
    const res = await postJson(
      '/api/auth/sign-up/email',
      { name: 'C', email: `u-${crypto.randomUUID()}@example.test`, password: 'cookie password' },
      { 'cf-connecting-ip': randomIp() }
    )
    const session = res.headers.getSetCookie().find((c) => c.includes('session_token='))
    expect(session).toMatch(/HttpOnly/i)
    expect(session).toMatch(/SameSite=Lax/i)
    expect(session).not.toMatch(/Secure/i)
  })

  it('should be Secure whenever the origin is https', async () => {
    const https = {
      ...env,
      BETTER_AUTH_URL: 'https://addreams.example.com',
      TRUSTED_ORIGINS: 'https://addreams.example.com',
    }
    const res = await app.request(
      'https://addreams.example.com/api/auth/sign-up/email',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'https://addreams.example.com',
          'cf-connecting-ip': randomIp(),
        },
        body: JSON.stringify({
          name: 'S',
          email: `u-${crypto.randomUUID()}@example.test`,
          password: 'secure password',
        }),
      },
      https
    )
    expect(res.status).toBe(200)
    const session = res.headers.getSetCookie().find((c) => c.includes('session_token='))
    expect(session).toMatch(/^__Secure-/)
    expect(session).toMatch(/; Secure/i)
    expect(session).toMatch(/HttpOnly/i)
    expect(session).toMatch(/SameSite=Lax/i)
  })
})

describe('sessions', () => {
  it('should refuse our routes without a session', async () => {
    const res = await call('/api/me')
    expect(res.status).toBe(401)
    expect((await errorBody(res)).code).toBe('UNAUTHENTICATED')
  })

  it('should refuse a revoked session on the very next request (no cookie cache)', async () => {
    const { email, password, cookie } = await signUp()
    const other = await signIn(email, password)
    expect((await getWith('/api/me', other)).status).toBe(200)
    const revoke = await postJson('/api/auth/revoke-other-sessions', {}, { cookie })
    expect(revoke.status).toBe(200)
    expect((await getWith('/api/me', other)).status).toBe(401)
    expect((await getWith('/api/me', cookie)).status).toBe(200)
  })

  it('should list sessions and revoke one by token', async () => {
    const { email, password, cookie } = await signUp()
    const other = await signIn(email, password)
    const list = (await (await getWith('/api/auth/list-sessions', cookie)).json()) as {
      token: string
    }[]
    expect(list).toHaveLength(2)
    const otherToken = decodeURIComponent(other.split('=')[1] ?? '').split('.')[0]
    expect(list.map((s) => s.token)).toContain(otherToken)
    const res = await postJson('/api/auth/revoke-session', { token: otherToken }, { cookie })
    expect(res.status).toBe(200)
    expect((await getWith('/api/me', other)).status).toBe(401)
  })

  it('should sign out the other devices when the password changes, even if not asked to', async () => {
    const { email, password, cookie } = await signUp()
    const other = await signIn(email, password)
    const res = await postJson(
      '/api/auth/change-password',
      {
        currentPassword: password,
        newPassword: 'a brand new password',
        revokeOtherSessions: false,
      },
      { cookie, 'cf-connecting-ip': randomIp() }
    )
    expect(res.status).toBe(200)
    expect((await getWith('/api/me', other)).status).toBe(401)
    expect((await getWith('/api/me', cookieOf(res))).status).toBe(200)
    await signIn(email, 'a brand new password')
  })
})

describe('social sign-in', () => {
  const start = (environment: object, provider = 'google') =>
    app.request(
      '/api/auth/sign-in/social',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: ORIGIN,
          'cf-connecting-ip': randomIp(),
        },
        body: JSON.stringify({ provider, callbackURL: '/history' }),
      },
      environment
    )

  it('should send the user to Google with the documented redirect URI when configured', async () => {
    const res = await start({
      ...env,
      GOOGLE_CLIENT_ID: 'dummy-id',
      GOOGLE_CLIENT_SECRET: 'dummy-secret',
    })
    expect(res.status).toBe(200)
    const { url, redirect } = (await res.json()) as { url: string; redirect: boolean }
    expect(redirect).toBe(true)
    const target = new URL(url)
    expect(target.origin).toBe('https://accounts.google.com')
    expect(target.searchParams.get('client_id')).toBe('dummy-id')
    expect(target.searchParams.get('redirect_uri')).toBe(
      `${env.BETTER_AUTH_URL}/api/auth/callback/google`
    )
  })

  it('should send the user to GitHub with the documented redirect URI when configured', async () => {
    const res = await start(
      { ...env, GITHUB_CLIENT_ID: 'dummy-gh-id', GITHUB_CLIENT_SECRET: 'dummy-gh-secret' },
      'github'
    )
    expect(res.status).toBe(200)
    const { url, redirect } = (await res.json()) as { url: string; redirect: boolean }
    expect(redirect).toBe(true)
    const target = new URL(url)
    expect(`${target.origin}${target.pathname}`).toBe('https://github.com/login/oauth/authorize')
    expect(target.searchParams.get('client_id')).toBe('dummy-gh-id')
    expect(target.searchParams.get('redirect_uri')).toBe(
      `${env.BETTER_AUTH_URL}/api/auth/callback/github`
    )
  })

  it.each(['google', 'github'])(
    'should refuse %s sign-in when it is not configured',
    async (provider) => {
      const res = await start(env, provider)
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      expect(((await res.json()) as { code?: string }).code).toBeTruthy()
    }
  )
})

describe('limits on /api/auth/*', () => {
  it('should refuse a body over 16 KB with 413 and the error envelope', async () => {
    const res = await postJson(
      '/api/auth/sign-up/email',
      {
        name: 'x'.repeat(20_000),
        email: `big-${crypto.randomUUID()}@example.test`,
        password: 'correct horse battery',
      },
      { 'cf-connecting-ip': randomIp() }
    )
    expect(res.status).toBe(413)
    expect((await errorBody(res)).code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('should refuse a name over 100 characters or blank, on sign-up and on update', async () => {
    const email = `long-${crypto.randomUUID()}@example.test`
    for (const name of ['n'.repeat(101), '   ']) {
      const res = await postJson(
        '/api/auth/sign-up/email',
        { name, email, password: 'correct horse battery' },
        { 'cf-connecting-ip': randomIp() }
      )
      expect(res.status).toBe(400)
      expect(((await res.json()) as { code: string }).code).toBe('INVALID_NAME')
    }
    const { cookie } = await signUp()
    const update = await postJson('/api/auth/update-user', { name: 'n'.repeat(101) }, { cookie })
    expect(update.status).toBe(400)
    expect(((await update.json()) as { code: string }).code).toBe('INVALID_NAME')
    const me = await (await getWith('/api/me', cookie)).json()
    expect((me as { user: { name: string } }).user.name).toBe('Test User')
  })

  it('should refuse an email over 254 characters', async () => {
    const res = await postJson(
      '/api/auth/sign-up/email',
      { name: 'Long', email: `${'e'.repeat(250)}@example.test`, password: 'correct horse battery' },
      { 'cf-connecting-ip': randomIp() }
    )
    expect(res.status).toBe(400)
    expect(((await res.json()) as { code: string }).code).toBe('INVALID_EMAIL')
  })
})
