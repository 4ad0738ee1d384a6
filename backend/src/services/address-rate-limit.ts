import { sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { addressRateLimit } from '../db/schema.ts'
import type { RateRule } from '../env.ts'

/** Whether one more is allowed now, and if not, in how many seconds the window ends. */
export interface RateVerdict {
  allowed: boolean
  retryAfterSeconds: number
}

/**
 * Counts one use of `key` in a fixed window of `rule.window` seconds, in one statement (an
 * upsert), so concurrent requests cannot both take the last slot. SQLite evaluates every SET
 * expression against the row as it was, so the count and the window restart together.
 */
export const takeRateSlot = async (
  db: Db,
  key: string,
  rule: RateRule,
  now = new Date()
): Promise<RateVerdict> => {
  const expired = now.getTime() - rule.window * 1000
  const [row] = await db
    .insert(addressRateLimit)
    .values({ key, count: 1, windowStart: now })
    .onConflictDoUpdate({
      target: addressRateLimit.key,
      set: {
        count: sql`CASE WHEN ${addressRateLimit.windowStart} <= ${expired} THEN 1 ELSE ${addressRateLimit.count} + 1 END`,
        windowStart: sql`CASE WHEN ${addressRateLimit.windowStart} <= ${expired} THEN ${now.getTime()} ELSE ${addressRateLimit.windowStart} END`,
      },
    })
    .returning()
  if (!row) return { allowed: true, retryAfterSeconds: 0 }
  const endsInMs = row.windowStart.getTime() + rule.window * 1000 - now.getTime()
  return {
    allowed: row.count <= rule.max,
    retryAfterSeconds: Math.max(1, Math.ceil(endsInMs / 1000)),
  }
}
