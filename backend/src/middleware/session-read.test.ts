import { env } from 'cloudflare:workers'
import {
  generationPageSchema,
  generationSchema,
  profileSchema,
  syncPageSchema,
} from '@app/shared-types'
import { describe, expect, it } from 'vitest'
import {
  cookieOf,
  insertBareUser,
  postJson,
  randomIp,
  signIn,
  signUp,
} from '../../test/accounts.ts'
import { errorBody } from '../../test/api.ts'
import { countingD1 } from '../../test/counting-d1.ts'
import { adGraphic, postGeneration } from '../../test/generations.ts'
import { app } from '../index.ts'

const counted = countingD1(env.DB)
const countedEnv = { ...env, DB: counted.db }
const get = (path: string, cookie: string, over: Partial<Env> = {}) =>
  app.request(path, { headers: { cookie } }, { ...countedEnv, ...over })

const COOKIE = 'better-auth.session_token'
const DAY_MS = 24 * 60 * 60 * 1000

/** The session token inside a cookie header as better-auth set it (`token.signature`). */
const tokenOf = (cookie: string) => {
  const value = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1).split(';')[0] ?? '')
  return value.slice(0, value.lastIndexOf('.'))
}

/** A cookie signed with the Worker's secret, as better-auth signs one. */
const signedCookie = async (name: string, token: string) => {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(env.BETTER_AUTH_SECRET),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign']
  )
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(token))
  const signature = btoa(String.fromCharCode(...new Uint8Array(mac)))
  return `${name}=${encodeURIComponent(`${token}.${signature}`)}`
}

/** A verified user with one generation, and the four reads on the fast path. */
const userWithGeneration = async () => {
  const account = await signUp()
  const id = crypto.randomUUID()
  expect((await postGeneration(account.cookie, adGraphic(), { key: id })).status).toBe(202)
  const reads = ['/api/generations', '/api/sync?cursor=0', '/api/me', `/api/generations/${id}`]
  return { ...account, id, reads }
}

const expectRefused = async (paths: string[], cookie: string, over: Partial<Env> = {}) => {
  for (const path of paths) {
    const res = await get(path, cookie, over)
    expect(res.status, path).toBe(401)
    expect((await errorBody(res)).code, path).toBe('UNAUTHENTICATED')
  }
}

const expiresAt = async (token: string) =>
  (
    await env.DB.prepare('SELECT expires_at AS at FROM session WHERE token = ?')
      .bind(token)
      .first<{ at: number }>()
  )?.at ?? 0

describe('reads in the session check’s round trip', () => {
  it('should refuse a session signed out from another device at once', async () => {
    const { email, password, cookie, reads } = await userWithGeneration()
    const other = await signIn(email, password)
    for (const path of reads) expect((await get(path, other)).status, path).toBe(200)
    expect((await postJson('/api/auth/revoke-other-sessions', {}, { cookie })).status).toBe(200)
    await expectRefused(reads, other)
    for (const path of reads) expect((await get(path, cookie)).status, path).toBe(200)
  })

  it('should refuse a session that signed out, or whose row is gone, at once', async () => {
    const { email, password, cookie, reads } = await userWithGeneration()
    expect((await postJson('/api/auth/sign-out', {}, { cookie })).status).toBe(200)
    await expectRefused(reads, cookie)
    const again = await signIn(email, password)
    await env.DB.prepare('DELETE FROM session WHERE token = ?').bind(tokenOf(again)).run()
    await expectRefused(reads, again)
  })

  it('should refuse an expired session', async () => {
    const { cookie, reads } = await userWithGeneration()
    await env.DB.prepare('UPDATE session SET expires_at = ? WHERE token = ?')
      .bind(Date.now() - 1000, tokenOf(cookie))
      .run()
    await expectRefused(reads, cookie)
  })

  it('should refuse a forged or garbled cookie without reading D1', async () => {
    const { cookie, reads } = await userWithGeneration()
    const token = tokenOf(cookie)
    const forged = [
      `${COOKIE}=${encodeURIComponent(`${token}.${btoa('x'.repeat(32))}`)}`,
      `${COOKIE}=${token}`,
      `${COOKIE}=%E0%A4%A`,
      `${COOKIE}=..==`,
      `${COOKIE}=`,
      'other=1',
      '',
    ]
    for (const bad of forged) {
      counted.take()
      await expectRefused(reads, bad)
      expect(counted.take(), bad).toBe(0)
    }
  })

  it('should refuse a well-signed cookie whose token no session has', async () => {
    const { reads } = await userWithGeneration()
    await expectRefused(reads, await signedCookie(COOKIE, crypto.randomUUID()))
  })

  it('should answer each user with their own data only', async () => {
    const alice = await userWithGeneration()
    const bob = await userWithGeneration()
    for (const [me, them] of [
      [alice, bob],
      [bob, alice],
    ] as const) {
      const list = generationPageSchema.parse(await (await get(me.reads[0], me.cookie)).json())
      expect(list.items.map((g) => g.id)).toEqual([me.id])
      const sync = syncPageSchema.parse(await (await get(me.reads[1], me.cookie)).json())
      expect(sync.changes.map((c) => (c.type === 'upsert' ? c.generation.id : c.id))).toEqual([
        me.id,
      ])
      const one = await get(`/api/generations/${me.id}`, me.cookie)
      expect(generationSchema.parse(await one.json()).id).toBe(me.id)
      const theirs = await get(`/api/generations/${them.id}`, me.cookie)
      expect(theirs.status).toBe(404)
      const profile = (await (await get('/api/me', me.cookie)).json()) as { user: { id: string } }
      expect(profile.user.id).toBe(me.userId)
    }
  })

  it('should answer 401, not 400, to an invalid query with a dead session', async () => {
    const { cookie } = await userWithGeneration()
    await env.DB.prepare('DELETE FROM session WHERE token = ?').bind(tokenOf(cookie)).run()
    await expectRefused(['/api/generations?limit=-5', '/api/sync?cursor=x'], cookie)
    const live = (await userWithGeneration()).cookie
    expect((await get('/api/generations?limit=-5', live)).status).toBe(400)
  })

  it('should let better-auth extend a session due for it, and leave a recent one alone', async () => {
    const { cookie } = await userWithGeneration()
    const token = tokenOf(cookie)
    const fresh = await expiresAt(token)
    counted.take()
    expect((await get('/api/generations', cookie)).status).toBe(200)
    expect(counted.take()).toBe(1)
    expect(await expiresAt(token)).toBe(fresh)
    // Two days old: better-auth extends a session once a day (updateAge) to 7 days from now.
    await env.DB.prepare('UPDATE session SET expires_at = ? WHERE token = ?')
      .bind(fresh - 2 * DAY_MS, token)
      .run()
    const before = Date.now()
    expect((await get('/api/generations', cookie)).status).toBe(200)
    expect(await expiresAt(token)).toBeGreaterThanOrEqual(before + 7 * DAY_MS - 1000)
  })

  it('should read the __Secure- cookie when secure cookies are on, and only that one', async () => {
    const { cookie } = await userWithGeneration()
    const https = { BETTER_AUTH_URL: 'https://addreams.example' }
    const secure = await signedCookie(`__Secure-${COOKIE}`, tokenOf(cookie))
    expect((await get('/api/me', secure, https)).status).toBe(200)
    await expectRefused(['/api/me'], cookie, https)
    await expectRefused(['/api/me'], secure)
  })

  it('should show the welcome credits it settles in the same answer', async () => {
    const userId = await insertBareUser({ verified: true })
    const token = crypto.randomUUID()
    await env.DB.prepare(
      'INSERT INTO session (id, token, user_id, expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)'
    )
      .bind(crypto.randomUUID(), token, userId, Date.now() + DAY_MS, Date.now(), Date.now())
      .run()
    const res = await get('/api/me', await signedCookie(COOKIE, token))
    expect(profileSchema.parse(await res.json()).balances).toEqual({
      'product-shoot': 1,
      'ad-graphic': 1,
    })
  })

  it('should keep a session signed in without “remember me” to one trip, unextended', async () => {
    const { email, password } = await userWithGeneration()
    const res = await postJson(
      '/api/auth/sign-in/email',
      { email, password, rememberMe: false },
      { 'cf-connecting-ip': randomIp() }
    )
    const cookie = cookieOf(res)
    const token = tokenOf(cookie.split('; ').find((c) => c.startsWith(COOKIE)) ?? '')
    const expiry = await expiresAt(token)
    counted.take()
    expect((await get('/api/generations', cookie)).status).toBe(200)
    expect(counted.take()).toBe(1)
    expect(await expiresAt(token)).toBe(expiry)
  })
})
