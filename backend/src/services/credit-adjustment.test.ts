import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { expectLedgerInvariant, insertBareUser } from '../../test/accounts.ts'
import { createDb } from '../db/client.ts'
import { adjustCredits } from './credit-adjustment.ts'
import { grantCredits } from './credits.ts'

const db = createDb(env.DB)

/** A user with 3 ad-graphic credits. */
const userWithThree = async () => {
  const userId = await insertBareUser({ verified: true })
  const email = `u-${userId}@example.test`
  await grantCredits(db, { email, workflow: 'ad-graphic', amount: 3, idemKey: `grant:${userId}` })
  return { userId, email }
}

const ledgerRows = async (userId: string) =>
  (
    await env.DB.prepare(
      "SELECT delta, note FROM credit_ledger WHERE user_id = ? AND reason = 'adjustment'"
    )
      .bind(userId)
      .all<{ delta: number; note: string }>()
  ).results

describe('adjustCredits', () => {
  it('should add and take away credits once per key with an adjustment row', async () => {
    const { userId, email } = await userWithThree()
    const add = { email, workflow: 'ad-graphic', amount: 4, reason: 'goodwill' } as const
    expect(await adjustCredits(db, { ...add, idemKey: `adjust:up-${userId}` })).toMatchObject({
      adjusted: true,
      balances: { 'ad-graphic': 7 },
    })
    expect(await adjustCredits(db, { ...add, idemKey: `adjust:up-${userId}` })).toMatchObject({
      adjusted: false,
      balances: { 'ad-graphic': 7 },
    })
    const take = { ...add, amount: -7, reason: 'duplicate grant', idemKey: `adjust:dn-${userId}` }
    expect((await adjustCredits(db, take)).balances['ad-graphic']).toBe(0)
    expect(await ledgerRows(userId)).toEqual([
      { delta: 4, note: 'goodwill' },
      { delta: -7, note: 'duplicate grant' },
    ])
    await expectLedgerInvariant(userId)
  })

  it('should refuse to go below 0 and change nothing', async () => {
    const { userId, email } = await userWithThree()
    const take = {
      email,
      workflow: 'ad-graphic',
      amount: -4,
      reason: 'too much',
      idemKey: `adjust:${userId}`,
    } as const
    await expect(adjustCredits(db, take)).rejects.toMatchObject({
      code: 'OUT_OF_CREDITS',
      message: expect.stringContaining('has 3 ad-graphic credit(s)'),
    })
    expect(await ledgerRows(userId)).toEqual([])
    expect((await adjustCredits(db, { ...take, amount: -3 })).balances['ad-graphic']).toBe(0)
    await expectLedgerInvariant(userId)
  })

  it('should refuse taking credits from a workflow that never had any', async () => {
    const { email } = await userWithThree()
    await expect(
      adjustCredits(db, {
        email,
        workflow: 'product-shoot',
        amount: -1,
        reason: 'x',
        idemKey: `adjust:${crypto.randomUUID()}`,
      })
    ).rejects.toMatchObject({ code: 'OUT_OF_CREDITS' })
  })

  it('should answer NOT_FOUND for an unknown email', async () => {
    await expect(
      adjustCredits(db, {
        email: 'nobody@example.test',
        workflow: 'ad-graphic',
        amount: 1,
        reason: 'x',
        idemKey: 'adjust:x',
      })
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
