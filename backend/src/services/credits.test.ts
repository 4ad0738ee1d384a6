import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { expectLedgerInvariant, insertBareUser } from '../../test/accounts.ts'
import { createDb } from '../db/client.ts'
import {
  creditChange,
  ensureWelcomeCredits,
  getBalances,
  grantCredits,
  grantWelcomeCredits,
} from './credits.ts'

const db = createDb(env.DB)

const welcomeRows = async (userId: string) =>
  (
    await env.DB.prepare(
      "SELECT count(*) AS n FROM credit_ledger WHERE user_id = ? AND reason = 'welcome'"
    )
      .bind(userId)
      .first<{ n: number }>()
  )?.n

describe('welcome credits', () => {
  it('should grant exactly once per workflow under 200 concurrent attempts', async () => {
    const userId = await insertBareUser()
    const results = await Promise.all(
      Array.from({ length: 200 }, () => grantWelcomeCredits(db, userId))
    )
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await welcomeRows(userId)).toBe(2)
    expect(await getBalances(db, userId)).toEqual({ 'product-shoot': 1, 'ad-graphic': 1 })
    await expectLedgerInvariant(userId)
  })

  it('should grant on the first check when sign-up did not, and never again', async () => {
    const userId = await insertBareUser()
    await Promise.all(Array.from({ length: 50 }, () => ensureWelcomeCredits(db, userId)))
    await ensureWelcomeCredits(db, userId)
    expect(await welcomeRows(userId)).toBe(2)
    expect(await getBalances(db, userId)).toEqual({ 'product-shoot': 1, 'ad-graphic': 1 })
    await expectLedgerInvariant(userId)
  })

  it('should skip the ledger read for a user this isolate already saw welcomed', async () => {
    const userId = await insertBareUser()
    const welcomed = new Set<string>()
    await ensureWelcomeCredits(db, userId, welcomed)
    expect(welcomed.has(userId)).toBe(true)
    // With the grant rows gone, only a check that still reads the ledger would grant again.
    await env.DB.prepare('DELETE FROM credit_ledger WHERE user_id = ?').bind(userId).run()
    await ensureWelcomeCredits(db, userId, welcomed)
    expect(await welcomeRows(userId)).toBe(0)
    await ensureWelcomeCredits(db, userId, new Set())
    expect(await welcomeRows(userId)).toBe(2)
  })
})

describe('creditChange', () => {
  it('should refuse an overdraft in the database and keep the invariant', async () => {
    const userId = await insertBareUser()
    await grantWelcomeCredits(db, userId)
    const spend = creditChange(db, {
      userId,
      workflow: 'ad-graphic',
      delta: -2,
      reason: 'generation',
      idemKey: `spend:${crypto.randomUUID()}`,
    })
    await expect(db.batch(spend)).rejects.toThrow()
    expect((await getBalances(db, userId))['ad-graphic']).toBe(1)
    await expectLedgerInvariant(userId)
  })
})

describe('grantCredits', () => {
  it('should add credits and mark the account paid once per key', async () => {
    const userId = await insertBareUser()
    await grantWelcomeCredits(db, userId)
    const email = `u-${userId}@example.test`
    const input = {
      email,
      workflow: 'product-shoot',
      amount: 3,
      paid: true,
      idemKey: `grant:${userId}`,
    } as const
    expect((await grantCredits(db, input)).granted).toBe(true)
    const again = await grantCredits(db, input)
    expect(again.granted).toBe(false)
    expect(again.balances).toEqual({ 'product-shoot': 4, 'ad-graphic': 1 })
    const row = await env.DB.prepare('SELECT account_type FROM user WHERE id = ?')
      .bind(userId)
      .first()
    expect(row?.account_type).toBe('paid')
    await expectLedgerInvariant(userId)
  })

  it('should answer NOT_FOUND for an unknown email', async () => {
    await expect(
      grantCredits(db, {
        email: 'nobody@example.test',
        workflow: 'ad-graphic',
        amount: 1,
        idemKey: 'grant:x',
      })
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
