import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { insertBareUser } from '../../test/accounts.ts'

const TABLES = [
  'user',
  'session',
  'account',
  'verification',
  'rate_limit',
  'credit_balance',
  'credit_ledger',
  'generation',
  'generation_image',
  'sync_state',
]

const newUser = async () => {
  const id = await insertBareUser()
  await env.DB.prepare(
    "INSERT INTO credit_balance (user_id, workflow, balance, updated_at) VALUES (?, 'ad-graphic', 1, ?)"
  )
    .bind(id, Date.now())
    .run()
  return id
}

const ledgerRow = (userId: string, delta: number, idemKey: string) =>
  env.DB.prepare(
    "INSERT INTO credit_ledger (id, user_id, workflow, delta, reason, idem_key) VALUES (?, ?, 'ad-graphic', ?, 'generation', ?)"
  ).bind(crypto.randomUUID(), userId, delta, idemKey)

const balanceChange = (userId: string, delta: number) =>
  env.DB.prepare(
    "UPDATE credit_balance SET balance = balance + ? WHERE user_id = ? AND workflow = 'ad-graphic'"
  ).bind(delta, userId)

const balanceOf = async (userId: string) =>
  (
    await env.DB.prepare(
      "SELECT balance FROM credit_balance WHERE user_id = ? AND workflow = 'ad-graphic'"
    )
      .bind(userId)
      .first<{ balance: number }>()
  )?.balance

const ledgerCount = async (userId: string) =>
  (
    await env.DB.prepare('SELECT count(*) AS n FROM credit_ledger WHERE user_id = ?')
      .bind(userId)
      .first<{ n: number }>()
  )?.n

describe('D1 schema', () => {
  it('should create every table', async () => {
    const { results } = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table'"
    ).all<{ name: string }>()
    const names = results.map((row) => row.name)
    for (const table of TABLES) expect(names).toContain(table)
  })

  it('should reject an overdraft inside a batch, writing nothing of that batch', async () => {
    const userId = await newUser()
    await expect(
      env.DB.batch([ledgerRow(userId, -2, `spend:${userId}`), balanceChange(userId, -2)])
    ).rejects.toThrow(/CHECK constraint failed/)
    expect(await balanceOf(userId)).toBe(1)
    expect(await ledgerCount(userId)).toBe(0)
  })

  it('should reject a duplicate ledger idempotency key, writing nothing of that batch', async () => {
    const userId = await newUser()
    const key = `spend:${userId}`
    await env.DB.batch([ledgerRow(userId, -1, key), balanceChange(userId, -1)])
    await expect(
      env.DB.batch([balanceChange(userId, 1), ledgerRow(userId, 1, key)])
    ).rejects.toThrow(/UNIQUE constraint failed: credit_ledger.idem_key/)
    expect(await balanceOf(userId)).toBe(0)
    expect(await ledgerCount(userId)).toBe(1)
  })

  it('should remove a user’s rows in every table when the user is deleted', async () => {
    const userId = await newUser()
    await env.DB.batch([ledgerRow(userId, -1, `d:${userId}`), balanceChange(userId, -1)])
    await env.DB.prepare('DELETE FROM user WHERE id = ?').bind(userId).run()
    expect(await ledgerCount(userId)).toBe(0)
    expect(await balanceOf(userId)).toBeUndefined()
  })
})
