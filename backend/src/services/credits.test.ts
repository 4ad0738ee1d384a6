import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { expectLedgerInvariant, insertBareUser } from '../../test/accounts.ts'
import { createDb } from '../db/client.ts'
import { creditChange, getBalances, grantCredits } from './credits.ts'
import { grantWelcomeOnce } from './welcome-credits.ts'

const db = createDb(env.DB)
const secret = 'test-welcome-secret-0123456789abcdef'

/** A user row with its welcome credits, as verification leaves it. */
const welcomedUser = async () => {
  const id = await insertBareUser({ verified: true })
  await grantWelcomeOnce(db, secret, { id, email: `u-${id}@example.test`, emailVerified: true })
  return id
}

describe('creditChange', () => {
  it('should refuse an overdraft in the database and keep the invariant', async () => {
    const userId = await welcomedUser()
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
    const userId = await welcomedUser()
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
