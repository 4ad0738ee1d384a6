import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { expectLedgerInvariant, insertBareUser, welcomeRows } from '../../test/accounts.ts'
import { createDb } from '../db/client.ts'
import { getBalances } from './credits.ts'
import { emailHash, normaliseEmail } from './email-identity.ts'
import {
  ensureWelcomeCredits,
  grantWelcomeOnce,
  rememberWelcomedAddress,
} from './welcome-credits.ts'

const db = createDb(env.DB)
const secret = 'test-welcome-secret-0123456789abcdef'

const addressRecorded = async (email: string) =>
  Boolean(
    await env.DB.prepare('SELECT 1 FROM welcome_grant WHERE email_hash = ?')
      .bind(await emailHash(secret, email))
      .first()
  )

/** A bare user row and the account fields the welcome grant reads. */
const bareUser = async (verified: boolean) => {
  const id = await insertBareUser({ verified })
  return { id, email: `u-${id}@example.test`, emailVerified: verified }
}

describe('normaliseEmail', () => {
  it.each([
    ['Someone@Example.TEST', 'someone@example.test'],
    ['  someone+ads@example.test ', 'someone@example.test'],
    ['j.doe+shop@GoogleMail.com', 'jdoe@gmail.com'],
    ['j.doe@example.test', 'j.doe@example.test'],
  ])('should read %s as %s', (email, expected) => {
    expect(normaliseEmail(email)).toBe(expected)
  })
})

describe('grantWelcomeOnce', () => {
  it('should grant exactly once per workflow under 200 concurrent attempts', async () => {
    const user = await bareUser(true)
    const results = await Promise.all(
      Array.from({ length: 200 }, () => grantWelcomeOnce(db, secret, user))
    )
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await welcomeRows(user.id)).toBe(2)
    expect(await getBalances(db, user.id)).toEqual({ 'product-shoot': 1, 'ad-graphic': 1 })
    await expectLedgerInvariant(user.id)
  })

  it('should give nothing to another account on the same address, in any case or +tag', async () => {
    const first = await bareUser(true)
    expect(await grantWelcomeOnce(db, secret, first)).toBe(true)
    const [local, domain] = first.email.split('@')
    const again = await bareUser(true)
    const twin = { ...again, email: `${local?.toUpperCase()}+again@${domain}` }
    expect(await grantWelcomeOnce(db, secret, twin)).toBe(false)
    expect(await getBalances(db, again.id)).toEqual({ 'product-shoot': 0, 'ad-graphic': 0 })
  })

  it('should record the address of an account welcomed before addresses were kept', async () => {
    const user = await bareUser(true)
    await env.DB.prepare(
      `INSERT INTO credit_ledger (id, user_id, workflow, delta, reason, idem_key, created_at)
       VALUES (?, ?, 'ad-graphic', 1, 'welcome', ?, ?)`
    )
      .bind(crypto.randomUUID(), user.id, `welcome:${user.id}:ad-graphic`, Date.now())
      .run()
    expect(await grantWelcomeOnce(db, secret, user)).toBe(false)
    expect(await addressRecorded(user.email)).toBe(true)
    expect(await welcomeRows(user.id)).toBe(1)
  })
})

describe('ensureWelcomeCredits', () => {
  it('should give an unverified user nothing until the address is verified', async () => {
    const user = await bareUser(false)
    const settled = new Set<string>()
    await ensureWelcomeCredits(db, secret, user, settled)
    expect(await welcomeRows(user.id)).toBe(0)
    expect(settled.has(user.id)).toBe(false)
    await ensureWelcomeCredits(db, secret, { ...user, emailVerified: true }, settled)
    expect(await welcomeRows(user.id)).toBe(2)
    expect(settled.has(user.id)).toBe(true)
  })

  it('should grant a verified user whose verification stopped half-way, once', async () => {
    const user = await bareUser(true)
    await Promise.all(Array.from({ length: 50 }, () => ensureWelcomeCredits(db, secret, user)))
    await ensureWelcomeCredits(db, secret, user, new Set())
    expect(await welcomeRows(user.id)).toBe(2)
    await expectLedgerInvariant(user.id)
  })

  it('should skip the ledger read for a user this isolate already settled', async () => {
    const user = await bareUser(true)
    const settled = new Set<string>()
    await ensureWelcomeCredits(db, secret, user, settled)
    await env.DB.prepare('DELETE FROM credit_ledger WHERE user_id = ?').bind(user.id).run()
    await ensureWelcomeCredits(db, secret, user, settled)
    expect(await welcomeRows(user.id)).toBe(0)
  })

  it('should record the address of a welcomed account that never verified', async () => {
    const user = await bareUser(false)
    // Welcomed at sign-up, before addresses were kept: the grant is there, its address is not.
    await grantWelcomeOnce(db, secret, { ...user, email: `other-${user.email}` })
    await ensureWelcomeCredits(db, secret, user, new Set())
    expect(await addressRecorded(user.email)).toBe(true)
  })
})

describe('rememberWelcomedAddress', () => {
  it('should record the address of a welcomed user, and not of one who never was', async () => {
    const welcomed = await bareUser(false)
    await grantWelcomeOnce(db, secret, { ...welcomed, email: `old-${welcomed.email}` })
    await rememberWelcomedAddress(db, secret, welcomed)
    expect(await addressRecorded(welcomed.email)).toBe(true)
    const never = await bareUser(false)
    await rememberWelcomedAddress(db, secret, never)
    expect(await addressRecorded(never.email)).toBe(false)
  })
})
