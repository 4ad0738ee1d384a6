import type { Workflow } from '@app/shared-types'
import { and, eq, gt, sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { creditLedger, generation } from '../db/schema.ts'
import { recomputeBalance } from './credits.ts'

/**
 * The two statements that return a generation's unspent credits, for the end of a batch whose
 * earlier statement moved the generation into `status` and set its `refunded`. The ledger row is
 * written only if that move happened (an `INSERT … SELECT` on the new state), once ever (its key is
 * `refund:<id>`), and the balance is recomputed from the ledger, so it can never drift from it.
 */
export const refundStatements = (
  db: Db,
  g: {
    id: string
    userId: string
    workflow: Workflow
    status: 'canceled' | 'failed' | 'succeeded'
    /** A job's claim number: only the job that made the move refunds it. */
    token?: number
  },
  now: Date
) =>
  [
    db.insert(creditLedger).select(
      db
        .select({
          id: sql`${crypto.randomUUID()}`.as('id'),
          userId: generation.userId,
          workflow: generation.workflow,
          delta: generation.refunded,
          reason: sql`'refund'`.as('reason'),
          generationId: generation.id,
          note: sql`NULL`.as('note'),
          idemKey: sql`${`refund:${g.id}`}`.as('idem_key'),
          createdAt: sql`${now.getTime()}`.as('created_at'),
        })
        .from(generation)
        .where(
          and(
            eq(generation.id, g.id),
            eq(generation.userId, g.userId),
            eq(generation.status, g.status),
            g.token === undefined ? undefined : eq(generation.attempts, g.token),
            gt(generation.refunded, 0)
          )
        )
    ),
    recomputeBalance(db, g.userId, g.workflow, now),
  ] as const
