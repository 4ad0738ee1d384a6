import { env } from 'cloudflare:workers'
import type { GoogleProfile } from 'better-auth/social-providers'
import { describe, expect, it } from 'vitest'
import { ORIGIN, randomIp, signUp } from '../../test/accounts.ts'
import { createDb } from '../db/client.ts'
import { parseEnv } from '../env.ts'
import { createAuth } from './auth.ts'

/**
 * better-auth as the Worker builds it, with Google configured. Google's servers cannot be reached
 * here, so the two calls that would go to them answer as Google would for `email`.
 */
const authWithGoogleSaying = (email: string) =>
  createAuth({
    config: parseEnv({ ...env, GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: 'secret' }),
    db: createDb(env.DB),
    bucket: env.BUCKET,
    providerCalls: {
      google: {
        verifyIdToken: async () => true,
        getUserInfo: async () => ({
          user: { email, name: 'Google User', emailVerified: true },
          data: { sub: `google-${email}`, email, email_verified: true } as GoogleProfile,
        }),
      },
    },
  })

const signInWithGoogle = (email: string) =>
  authWithGoogleSaying(email).handler(
    new Request('http://127.0.0.1:8787/api/auth/sign-in/social', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: ORIGIN,
        'cf-connecting-ip': randomIp(),
      },
      body: JSON.stringify({ provider: 'google', idToken: { token: 'a-google-id-token' } }),
    })
  )

const googleAccounts = async (userId: string) =>
  (
    await env.DB.prepare(
      "SELECT count(*) AS n FROM account WHERE user_id = ? AND provider_id = 'google'"
    )
      .bind(userId)
      .first<{ n: number }>()
  )?.n

describe('signing in with a provider over an existing email/password account', () => {
  it('should not take over an account whose email was never verified', async () => {
    // Someone registered the victim's address first, with a password of their own.
    const squatter = await signUp({ verified: false })
    const res = await signInWithGoogle(squatter.email)
    expect(res.status).toBe(401)
    expect(res.headers.getSetCookie()).toEqual([])
    expect(await googleAccounts(squatter.userId)).toBe(0)
  })

  it('should link to an account whose email is verified (the same flow, so the test can tell)', async () => {
    const owner = await signUp({ verified: false })
    await env.DB.prepare('UPDATE user SET email_verified = 1 WHERE id = ?').bind(owner.userId).run()
    const res = await signInWithGoogle(owner.email)
    expect(res.status).toBe(200)
    expect(await googleAccounts(owner.userId)).toBe(1)
  })
})

describe('a provider sign-up', () => {
  const balancesOf = async (email: string) =>
    (
      await env.DB.prepare(
        `SELECT coalesce(sum(b.balance), 0) AS total FROM credit_balance b
           JOIN user u ON u.id = b.user_id WHERE u.email = ?`
      )
        .bind(email)
        .first<{ total: number }>()
    )?.total

  it('should be verified at once and welcomed, since the provider verified the email', async () => {
    const email = `g-${crypto.randomUUID()}@example.test`
    const res = await signInWithGoogle(email)
    expect(res.status).toBe(200)
    const user = await env.DB.prepare('SELECT email_verified AS v FROM user WHERE email = ?')
      .bind(email)
      .first<{ v: number }>()
    expect(user?.v).toBe(1)
    expect(await balancesOf(email)).toBe(2)
  })
})
