import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { insertBareUser } from '../../test/accounts.ts'
import { seedGeneration, seedPurchase } from '../../test/operator-seed.ts'
import { adjustCredits } from '../services/credit-adjustment.ts'
import { grantCredits, grantStatements } from '../services/credits.ts'
import { showAccount } from '../services/operator-account.ts'
import { usageReport } from '../services/usage-report.ts'
import { createDb } from './client.ts'
import { inlineSql } from './inline-sql.ts'
import { type RemoteExecutor, type RemoteRow, remoteD1 } from './remote-d1.ts'

const local = createDb(env.DB)

/**
 * What `wrangler d1 execute --remote` would be sent, run on the local D1 instead: each statement
 * as plain SQL text with no parameters, rows answered as objects keyed by column name (as
 * `--json` prints them), a write as one all-or-none batch.
 */
const recordingRemote = () => {
  const sent: { kind: 'read' | 'write'; statements: string[] }[] = []
  const executor: RemoteExecutor = {
    read: async (statements) => {
      sent.push({ kind: 'read', statements })
      return Promise.all(
        statements.map(async (text) => (await env.DB.prepare(text).all<RemoteRow>()).results)
      )
    },
    write: async (statements) => {
      sent.push({ kind: 'write', statements })
      await env.DB.batch(statements.map((text) => env.DB.prepare(text)))
    },
  }
  return { db: createDb(remoteD1(executor)), sent }
}

const newUser = async () => {
  const userId = await insertBareUser({ verified: true })
  return { userId, email: `u-${userId}@example.test` }
}

describe('remoteD1', () => {
  it('should show an account as the local database does, in two reads of parameter-free SQL', async () => {
    const { userId, email } = await newUser()
    await grantCredits(local, { email, workflow: 'ad-graphic', amount: 2, idemKey: `g:${userId}` })
    await seedGeneration(userId, { createdAt: Date.now(), images: 2 })
    const remote = recordingRemote()

    expect(await showAccount(remote.db, email)).toEqual(await showAccount(local, email))
    expect(remote.sent.map((call) => [call.kind, call.statements.length])).toEqual([
      ['read', 1],
      ['read', 3],
    ])
    expect(remote.sent.flatMap((call) => call.statements).join('\n')).not.toContain('?')
  })

  it('should build the usage report as the local database does', async () => {
    const { userId } = await newUser()
    const at = Date.parse('2001-07-01T10:00:00Z')
    await seedGeneration(userId, { createdAt: at, images: 2, model: 'qwen-image-plus' })
    await seedPurchase(userId, {
      createdAt: at,
      completedAt: at,
      status: 'completed',
      credits: 10,
      amount: 900,
    })
    const remote = recordingRemote()

    const report = await usageReport(remote.db, '2001-07-01', '2001-07-02')
    expect(report).toEqual(await usageReport(local, '2001-07-01', '2001-07-02'))
    expect(report.days[0]?.estimatedCostUsd).toBe(0.06)
    expect(remote.sent).toEqual([{ kind: 'read', statements: expect.any(Array) }])
  })

  it('should send an adjustment as one write, refusing a replay and an overdraft as locally', async () => {
    const { userId, email } = await newUser()
    const remote = recordingRemote()
    const input = {
      email,
      workflow: 'ad-graphic',
      amount: 2,
      reason: "customer's refund; DROP TABLE user",
      idemKey: `adjust:${userId}`,
    } as const

    expect((await adjustCredits(remote.db, input)).adjusted).toBe(true)
    const write = remote.sent.find((call) => call.kind === 'write')
    expect(write?.statements).toHaveLength(3)
    expect(write?.statements[0]).toContain("'customer''s refund; DROP TABLE user'")
    expect(await adjustCredits(remote.db, input)).toMatchObject({
      adjusted: false,
      balances: { 'ad-graphic': 2 },
    })
    await expect(
      adjustCredits(remote.db, { ...input, amount: -3, idemKey: `adjust:dn-${userId}` })
    ).rejects.toMatchObject({ code: 'OUT_OF_CREDITS' })
    expect((await showAccount(local, email)).ledger).toMatchObject([
      { reason: 'adjustment', delta: 2, note: input.reason },
    ])
  })

  it('should send a grant as the statements grantStatements builds, with the values inlined', async () => {
    const { userId, email } = await newUser()
    const remote = recordingRemote()
    const input = {
      email,
      workflow: 'product-shoot',
      amount: 5,
      paid: true,
      idemKey: `grant:${userId}`,
    } as const

    expect((await grantCredits(remote.db, input)).balances['product-shoot']).toBe(5)
    const write = remote.sent.find((call) => call.kind === 'write')
    const built = grantStatements(local, userId, input).map((s) => inlineSql(s.toSQL()))
    // The ledger row's id and times differ per call; the statements' shape does not.
    const shape = (text: string) => text.replace(/'[0-9a-f-]{36}'|\b\d{13}\b/g, 'X')
    expect(write?.statements.map(shape)).toEqual(built.map(shape))
    expect((await showAccount(local, email)).account.accountType).toBe('paid')
  })
})
