import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { insertBareUser } from '../../test/accounts.ts'
import { seedGeneration } from '../../test/operator-seed.ts'
import { createDb } from '../db/client.ts'
import { grantCredits } from './credits.ts'
import { showAccount } from './operator-account.ts'

const db = createDb(env.DB)

describe('showAccount', () => {
  it('should show the account, its balances and its newest ledger rows and generations first', async () => {
    const userId = await insertBareUser({ verified: true })
    const email = `u-${userId}@example.test`
    const grant = (amount: number, key: string) =>
      grantCredits(db, { email, workflow: 'ad-graphic', amount, paid: true, idemKey: key })
    await grant(3, `grant:a-${userId}`)
    await grant(2, `grant:b-${userId}`)
    const older = await seedGeneration(userId, { createdAt: Date.now() - 60_000, images: 1 })
    const newer = await seedGeneration(userId, {
      createdAt: Date.now(),
      workflow: 'product-shoot',
      model: 'qwen-image-edit-max',
      status: 'failed',
    })

    const report = await showAccount(db, email.toUpperCase())

    expect(report.account).toMatchObject({ id: userId, email, accountType: 'paid' })
    expect(report.balances).toEqual({ 'product-shoot': 0, 'ad-graphic': 5 })
    expect(report.ledger.map((row) => [row.reason, row.delta])).toEqual([
      ['grant', 2],
      ['grant', 3],
    ])
    expect(report.generations).toMatchObject([
      { id: newer, status: 'failed', model: 'qwen-image-edit-max', images: 0 },
      { id: older, status: 'succeeded', images: 1 },
    ])
  })

  it('should keep to the asked number of rows', async () => {
    const userId = await insertBareUser({ verified: true })
    for (const i of [1, 2, 3]) await seedGeneration(userId, { createdAt: Date.now() - i })
    const report = await showAccount(db, `u-${userId}@example.test`, { ledger: 1, generations: 2 })
    expect(report.generations).toHaveLength(2)
    expect(report.account.accountType).toBe('free')
  })

  it('should answer NOT_FOUND for an unknown email', async () => {
    await expect(showAccount(db, 'nobody@example.test')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })
})
