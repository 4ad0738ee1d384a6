import { beforeEach, describe, expect, it } from 'vitest'
import { availableCredits, readBalances } from './balances.ts'
import { db, type OutboxState } from './db.ts'
import { freshWorld } from './testing/setup.ts'

const put = (id: string, state: OutboxState, n: number, workflow: 'ad-graphic' | 'product-shoot') =>
  db.outbox.put({
    id,
    op: 'generate',
    workflow,
    request: { workflow, prompt: 'p', n },
    references: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    attempts: 0,
    nextAttemptAt: 0,
    state,
    schemaVersion: 1,
  })

beforeEach(async () => {
  await freshWorld()
})

describe('availableCredits', () => {
  it("should subtract this workflow's requests still on the device from the last known balance", async () => {
    await db.meta.put({
      key: 'balances',
      value: { balances: { 'product-shoot': 10, 'ad-graphic': 3 }, at: '2026-01-01T00:00:00Z' },
    })
    await put('a', 'waiting', 2, 'product-shoot')
    await put('b', 'paused', 3, 'product-shoot')
    await put('c', 'sending', 1, 'product-shoot')
    await put('d', 'rejected', 4, 'product-shoot')
    await put('e', 'waiting', 1, 'ad-graphic')
    expect(await availableCredits('product-shoot')).toBe(4)
    expect(await availableCredits('ad-graphic')).toBe(2)
    expect((await readBalances())?.at).toBe('2026-01-01T00:00:00Z')
  })

  it('should never go below 0, and be 0 before any balance is known', async () => {
    expect(await availableCredits('ad-graphic')).toBe(0)
    await db.meta.put({
      key: 'balances',
      value: { balances: { 'product-shoot': 1, 'ad-graphic': 1 }, at: '2026-01-01T00:00:00Z' },
    })
    await put('a', 'waiting', 3, 'product-shoot')
    expect(await availableCredits('product-shoot')).toBe(0)
  })
})
