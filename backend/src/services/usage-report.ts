import { PROVIDER_PRICES, type Workflow } from '@app/shared-types'
import { and, eq, gte, isNotNull, lt, type SQL, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Db } from '../db/client.ts'
import { creditLedger, generation, generationImage, purchase } from '../db/schema.ts'
import { ApiError } from '../lib/api-error.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** The longest range one report covers, in days. */
export const MAX_USAGE_DAYS = 366

/** One UTC day of the operator's usage report (`npm run credits -- usage`). */
export type UsageDay = {
  day: string
  generations: { workflow: Workflow; model: string; status: string; count: number }[]
  /** Output images stored that day, by the model of their generation. */
  images: { model: string; simulated: boolean; count: number }[]
  refunds: { count: number; credits: number }
  /** Purchases reversed that day: credits the ledger took back, and those already spent. */
  reversals: {
    currency: string
    count: number
    amount: number
    creditsTakenBack: number
    shortfall: number
  }[]
  /** Purchases completed that day (even if reversed later); `amount` in cents. */
  purchases: { currency: string; count: number; credits: number; amount: number }[]
  /** PROVIDER_PRICES × images of real (not simulated) generations, in US dollars. */
  estimatedCostUsd: number
}

/** The usage report of the UTC days `from` through `to` (YYYY-MM-DD, both included). */
export type UsageReport = {
  from: string
  to: string
  days: UsageDay[]
  /** Models that delivered real images but have no price, so the estimate leaves them out. */
  unpricedModels: string[]
}

const dayOf = (column: SQLiteColumn) => sql<string>`date(${column} / 1000, 'unixepoch')`
const count = () => sql<number>`count(*)`.mapWith(Number)
const total = (value: SQL | SQLiteColumn) => sql<number>`coalesce(sum(${value}), 0)`.mapWith(Number)
const within = (column: SQLiteColumn, start: Date, end: Date) =>
  and(gte(column, start), lt(column, end))

const parseDay = (day: string) => {
  const time = Date.parse(`${day}T00:00:00Z`)
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day)
    throw new ApiError('VALIDATION_FAILED', `${day} is not a date (YYYY-MM-DD)`)
  return time
}

const priceOf = (model: string): number | undefined =>
  (PROVIDER_PRICES as Record<string, { usdPerImage: number }>)[model]?.usdPerImage

/** Counts generations, images, refunds, purchases and reversals per UTC day, with an estimated provider cost. */
export const usageReport = async (db: Db, from: string, to: string): Promise<UsageReport> => {
  const startMs = parseDay(from)
  const endMs = parseDay(to) + DAY_MS
  const dayCount = (endMs - startMs) / DAY_MS
  if (dayCount < 1 || dayCount > MAX_USAGE_DAYS)
    throw new ApiError(
      'VALIDATION_FAILED',
      `from must be on or before to, at most ${MAX_USAGE_DAYS} days apart`
    )
  const [start, end] = [new Date(startMs), new Date(endMs)]
  const genDay = dayOf(generation.createdAt)
  const imageDay = dayOf(generationImage.createdAt)
  const ledgerDay = dayOf(creditLedger.createdAt)
  const completedDay = dayOf(purchase.completedAt)
  const reversedDay = dayOf(purchase.reversedAt)
  const [generations, images, refunds, purchases, reversals] = await db.batch([
    db
      .select({
        day: genDay,
        workflow: generation.workflow,
        model: generation.model,
        status: generation.status,
        count: count(),
      })
      .from(generation)
      .where(within(generation.createdAt, start, end))
      .groupBy(genDay, generation.workflow, generation.model, generation.status)
      .orderBy(genDay, generation.workflow, generation.model, generation.status),
    db
      .select({
        day: imageDay,
        model: generation.model,
        simulated: generation.simulated,
        count: count(),
      })
      .from(generationImage)
      .innerJoin(generation, eq(generation.id, generationImage.generationId))
      .where(and(eq(generationImage.kind, 'output'), within(generationImage.createdAt, start, end)))
      .groupBy(imageDay, generation.model, generation.simulated)
      .orderBy(imageDay, generation.model),
    db
      .select({ day: ledgerDay, count: count(), credits: total(creditLedger.delta) })
      .from(creditLedger)
      .where(and(eq(creditLedger.reason, 'refund'), within(creditLedger.createdAt, start, end)))
      .groupBy(ledgerDay),
    db
      .select({
        day: completedDay,
        currency: purchase.currency,
        count: count(),
        credits: total(purchase.credits),
        amount: total(purchase.amount),
      })
      .from(purchase)
      .where(and(isNotNull(purchase.completedAt), within(purchase.completedAt, start, end)))
      .groupBy(completedDay, purchase.currency)
      .orderBy(completedDay, purchase.currency),
    db
      .select({
        day: reversedDay,
        currency: purchase.currency,
        count: count(),
        amount: total(purchase.amount),
        creditsTakenBack: total(purchase.creditsTakenBack),
        shortfall: total(purchase.shortfall),
      })
      .from(purchase)
      .where(and(isNotNull(purchase.reversedAt), within(purchase.reversedAt, start, end)))
      .groupBy(reversedDay, purchase.currency)
      .orderBy(reversedDay, purchase.currency),
  ])
  const unpriced = new Set<string>()
  const days = Array.from({ length: dayCount }, (_, i): UsageDay => {
    const day = new Date(startMs + i * DAY_MS).toISOString().slice(0, 10)
    const onDay = <R extends { day: string }>(rows: R[]) =>
      rows.filter((row) => row.day === day).map(({ day: _, ...rest }) => rest)
    const dayImages = onDay(images)
    let cost = 0
    for (const row of dayImages) {
      if (row.simulated) continue
      const price = priceOf(row.model)
      if (price === undefined) unpriced.add(row.model)
      else cost += price * row.count
    }
    const [refund] = onDay(refunds)
    return {
      day,
      generations: onDay(generations),
      images: dayImages,
      refunds: refund ?? { count: 0, credits: 0 },
      reversals: onDay(reversals),
      purchases: onDay(purchases),
      // Whole hundredths of a cent, so sums of float prices print cleanly.
      estimatedCostUsd: Math.round(cost * 10_000) / 10_000,
    }
  })
  return { from, to, days, unpricedModels: [...unpriced].sort() }
}
