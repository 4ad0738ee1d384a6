import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { insertBareUser } from '../../test/accounts.ts'
import { seedGeneration, seedLedgerRow, seedPurchase } from '../../test/operator-seed.ts'
import { createDb } from '../db/client.ts'
import { usageReport } from './usage-report.ts'

const db = createDb(env.DB)
const at = (iso: string) => Date.parse(iso)

// Days far from today, so rows other test files write at "now" never fall in them.
describe('usageReport', () => {
  it('should count each UTC day: generations, images, refunds, purchases, reversals and the cost', async () => {
    const userId = await insertBareUser({ verified: true })
    await seedGeneration(userId, { createdAt: at('2001-03-01T00:00:00Z'), images: 2 })
    await seedGeneration(userId, { createdAt: at('2001-03-01T23:59:59Z'), images: 1 })
    await seedGeneration(userId, {
      createdAt: at('2001-03-01T12:00:00Z'),
      model: 'qwen-image-plus',
      status: 'failed',
    })
    await seedGeneration(userId, {
      createdAt: at('2001-03-01T13:00:00Z'),
      model: 'qwen-image-plus',
      images: 4,
      simulated: true,
    })
    await seedGeneration(userId, {
      createdAt: at('2001-03-02T08:00:00Z'),
      workflow: 'product-shoot',
      model: 'qwen-image-edit-max',
      images: 3,
    })
    await seedGeneration(userId, { createdAt: at('2001-03-04T00:00:00Z'), images: 9 })
    await seedLedgerRow(userId, {
      createdAt: at('2001-03-01T12:00:01Z'),
      reason: 'refund',
      delta: 1,
    })
    await seedLedgerRow(userId, {
      createdAt: at('2001-03-01T12:00:02Z'),
      reason: 'refund',
      delta: 2,
    })
    await seedLedgerRow(userId, {
      createdAt: at('2001-03-01T12:00:03Z'),
      reason: 'grant',
      delta: 5,
    })
    await seedPurchase(userId, {
      createdAt: at('2001-03-01T09:00:00Z'),
      completedAt: at('2001-03-01T09:01:00Z'),
      status: 'completed',
      credits: 10,
      amount: 500,
    })
    await seedPurchase(userId, {
      createdAt: at('2001-03-01T10:00:00Z'),
      completedAt: at('2001-03-01T10:01:00Z'),
      reversedAt: at('2001-03-02T10:00:00Z'),
      status: 'reversed',
      credits: 50,
      amount: 1900,
      creditsTakenBack: 45,
      shortfall: 5,
    })
    await seedPurchase(userId, {
      createdAt: at('2001-03-01T11:00:00Z'),
      completedAt: at('2001-03-01T11:01:00Z'),
      status: 'completed',
      credits: 10,
      amount: 800,
      currency: 'eur',
    })
    await seedPurchase(userId, {
      createdAt: at('2001-03-01T12:00:00Z'),
      status: 'expired',
      credits: 10,
      amount: 500,
    })

    const report = await usageReport(db, '2001-03-01', '2001-03-03')

    expect(report.days.map((d) => d.day)).toEqual(['2001-03-01', '2001-03-02', '2001-03-03'])
    const [first, second, third] = report.days
    expect(first?.generations).toEqual([
      { workflow: 'ad-graphic', model: 'qwen-image-max', status: 'succeeded', count: 2 },
      { workflow: 'ad-graphic', model: 'qwen-image-plus', status: 'failed', count: 1 },
      { workflow: 'ad-graphic', model: 'qwen-image-plus', status: 'succeeded', count: 1 },
    ])
    expect(first?.images).toEqual([
      { model: 'qwen-image-max', simulated: false, count: 3 },
      { model: 'qwen-image-plus', simulated: true, count: 4 },
    ])
    expect(first?.refunds).toEqual({ count: 2, credits: 3 })
    expect(first?.purchases).toEqual([
      { currency: 'eur', count: 1, credits: 10, amount: 800 },
      { currency: 'usd', count: 2, credits: 60, amount: 2400 },
    ])
    expect(first?.reversals).toEqual([])
    // 3 real qwen-image-max images at $0.075; the simulated ones cost nothing.
    expect(first?.estimatedCostUsd).toBe(0.225)
    expect(second?.reversals).toEqual([
      { currency: 'usd', count: 1, amount: 1900, creditsTakenBack: 45, shortfall: 5 },
    ])
    expect(second?.estimatedCostUsd).toBe(0.225)
    expect(third).toMatchObject({
      generations: [],
      images: [],
      refunds: { count: 0, credits: 0 },
      purchases: [],
      estimatedCostUsd: 0,
    })
    expect(report.unpricedModels).toEqual([])
  })

  it('should leave a model without a price out of the estimate and name it', async () => {
    const userId = await insertBareUser({ verified: true })
    await seedGeneration(userId, {
      createdAt: at('2001-05-01T10:00:00Z'),
      model: 'retired-model',
      images: 2,
    })
    const report = await usageReport(db, '2001-05-01', '2001-05-01')
    expect(report.days[0]?.estimatedCostUsd).toBe(0)
    expect(report.unpricedModels).toEqual(['retired-model'])
  })

  it('should refuse a reversed or too long range and a date that is not one', async () => {
    for (const [from, to] of [
      ['2001-03-02', '2001-03-01'],
      ['2001-01-01', '2002-12-31'],
      ['2001-02-30', '2001-03-01'],
      ['yesterday', '2001-03-01'],
    ] as const)
      await expect(usageReport(db, from, to)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
  })
})
