import { env } from 'cloudflare:workers'
import { profileSchema } from '@app/shared-types'
import { describe, expect, it } from 'vitest'
import {
  cookieOf,
  emailsTo,
  expectLedgerInvariant,
  followLink,
  getWith,
  linkFromEmail,
  postJson,
  randomIp,
  signUp,
  verifyEmail,
  welcomeRows,
} from '../../test/accounts.ts'
import { errorBody } from '../../test/api.ts'
import { adGraphic, postGeneration } from '../../test/generations.ts'

const balancesOf = async (cookie: string) => {
  const res = await getWith('/api/me', cookie)
  expect(res.status).toBe(200)
  return profileSchema.parse(await res.json()).balances
}

const countRows = async (table: 'generation' | 'credit_ledger', userId: string) =>
  (
    await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE user_id = ?`)
      .bind(userId)
      .first<{ n: number }>()
  )?.n

const deleteAccount = async (cookie: string, password: string) => {
  const res = await postJson(
    '/api/auth/delete-user',
    { password },
    { cookie, 'cf-connecting-ip': randomIp() }
  )
  expect(res.status).toBe(200)
}

describe('email verification', () => {
  it('should email a plain link that verifies, signs in and lands on the app', async () => {
    const { email, userId, cookie } = await signUp({ verified: false })
    const link = await linkFromEmail(email, /^Verify your email/)
    const [sent] = await emailsTo(email)
    expect(sent?.subject).toContain('Addreams')
    expect(sent?.text).toContain(link)
    expect(sent?.html).toContain('Verify my email')
    expect(sent?.text).toMatch(/If you did not create/)
    const before = profileSchema.parse(await (await getWith('/api/me', cookie)).json())
    expect(before.user.emailVerified).toBe(false)
    expect(before.balances).toEqual({ 'product-shoot': 0, 'ad-graphic': 0 })

    const res = await followLink(link)
    expect(res.status).toBe(302)
    expect(new URL(res.headers.get('location') ?? '', 'http://x').pathname).toBe('/')
    const session = cookieOf(res)
    expect(session).toContain('session_token')
    const after = profileSchema.parse(await (await getWith('/api/me', session)).json())
    expect(after.user.emailVerified).toBe(true)
    expect(after.balances).toEqual({ 'product-shoot': 1, 'ad-graphic': 1 })
    await expectLedgerInvariant(userId)
  })

  it('should grant the welcome credits exactly once per workflow, however often the link is used', async () => {
    const { email, userId, cookie } = await signUp({ verified: false })
    const link = await linkFromEmail(email, /^Verify your email/)
    const answers = await Promise.all(Array.from({ length: 5 }, () => followLink(link)))
    expect(answers.every((res) => res.status === 302)).toBe(true)
    await getWith('/api/me', cookie)
    expect(await welcomeRows(userId)).toBe(2)
    expect(await balancesOf(cookie)).toEqual({ 'product-shoot': 1, 'ad-graphic': 1 })
  })

  it('should refuse an unverified user’s generation before reading it, writing nothing', async () => {
    const { cookie, userId } = await signUp({ verified: false })
    const res = await postGeneration(cookie, adGraphic())
    expect(res.status).toBe(403)
    expect((await errorBody(res)).code).toBe('EMAIL_NOT_VERIFIED')
    // A body that is not even a request gets the same answer: the check comes before the upload.
    const broken = await postGeneration(cookie, null, { requestPart: 'not json' })
    expect((await errorBody(broken)).code).toBe('EMAIL_NOT_VERIFIED')
    expect(await countRows('generation', userId)).toBe(0)
    expect(await countRows('credit_ledger', userId)).toBe(0)
  })

  it.each([
    ['the same address', (email: string) => email],
    ['another letter case', (email: string) => email.toUpperCase()],
    ['a +tag', (email: string) => email.replace('@', '+again@')],
  ])(
    'should give nothing after deleting the account and signing up again with %s',
    async (_, again) => {
      const first = await signUp()
      expect(await balancesOf(first.cookie)).toEqual({ 'product-shoot': 1, 'ad-graphic': 1 })
      await deleteAccount(first.cookie, first.password)
      const second = await signUp({ email: again(first.email) })
      expect(await balancesOf(second.cookie)).toEqual({ 'product-shoot': 0, 'ad-graphic': 0 })
      expect(await welcomeRows(second.userId)).toBe(0)
    }
  )

  it('should remember the address of an account welcomed before verification existed', async () => {
    const { email, password, userId, cookie } = await signUp({ verified: false })
    // What sign-up used to grant: the credits, with no recorded address.
    await env.DB.batch(
      ['product-shoot', 'ad-graphic'].flatMap((workflow) => [
        env.DB.prepare(
          `INSERT INTO credit_ledger (id, user_id, workflow, delta, reason, idem_key, created_at)
           VALUES (?, ?, ?, 1, 'welcome', ?, ?)`
        ).bind(crypto.randomUUID(), userId, workflow, `welcome:${userId}:${workflow}`, Date.now()),
        env.DB.prepare(
          'INSERT INTO credit_balance (user_id, workflow, balance, updated_at) VALUES (?, ?, 1, ?)'
        ).bind(userId, workflow, Date.now()),
      ])
    )
    await deleteAccount(cookie, password)
    const again = await signUp({ email })
    expect(await balancesOf(again.cookie)).toEqual({ 'product-shoot': 0, 'ad-graphic': 0 })
  })
})

describe('POST /api/auth/send-verification-email', () => {
  it('should send a new link, and refuse the fourth in an hour for one address from any IP', async () => {
    const { email, cookie } = await signUp({ verified: false })
    for (let i = 0; i < 3; i++) {
      const res = await postJson(
        '/api/auth/send-verification-email',
        { email, callbackURL: '/history' },
        { cookie, 'cf-connecting-ip': randomIp() }
      )
      expect(res.status, await res.clone().text()).toBe(200)
    }
    await expect.poll(async () => (await emailsTo(email)).length).toBe(4)
    const refused = await postJson(
      '/api/auth/send-verification-email',
      { email },
      { cookie, 'cf-connecting-ip': randomIp() }
    )
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await refused.json()) as { code: string }).code).toBe('RATE_LIMITED')
    await verifyEmail(email)
  })
})
