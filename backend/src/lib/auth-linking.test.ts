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
    const squatter = await signUp()
    const res = await signInWithGoogle(squatter.email)
    expect(res.status).toBe(401)
    expect(res.headers.getSetCookie()).toEqual([])
    expect(await googleAccounts(squatter.userId)).toBe(0)
  })

  it('should link to an account whose email is verified (the same flow, so the test can tell)', async () => {
    const owner = await signUp()
    await env.DB.prepare('UPDATE user SET email_verified = 1 WHERE id = ?').bind(owner.userId).run()
    const res = await signInWithGoogle(owner.email)
    expect(res.status).toBe(200)
    expect(await googleAccounts(owner.userId)).toBe(1)
  })
})
