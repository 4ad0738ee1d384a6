import {
  type Balances,
  type LedgerPage,
  type LedgerReason,
  WORKFLOWS,
  type Workflow,
} from '@app/shared-types'
import { and, desc, eq, lt, or, sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { creditBalance, creditLedger, user } from '../db/schema.ts'
import { ApiError } from '../lib/api-error.ts'
import { decodeCursor, encodeCursor } from '../lib/cursor.ts'
import { type ReadPlan, readPlan, runPlan, type UserIdRef } from '../lib/read-plan.ts'

/** The idempotency key of a user's welcome grant in one workflow. */
export const welcomeKey = (userId: string, workflow: Workflow) => `welcome:${userId}:${workflow}`

/** True when D1 refused a batch because a ledger idempotency key was already used. */
export const isDuplicateLedgerKey = (error: unknown): boolean =>
  /UNIQUE constraint failed: credit_ledger\.idem_key/.test(
    error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error)
  )

/**
 * Sets a balance to the sum of its ledger rows. Every credit change ends with it, so the balance
 * can never drift from the ledger, and `CHECK (balance >= 0)` refuses an overdraft right here.
 */
export const recomputeBalance = (db: Db, userId: string, workflow: Workflow, now: Date) =>
  db
    .update(creditBalance)
    .set({
      balance: sql`(SELECT COALESCE(SUM(${creditLedger.delta}), 0) FROM ${creditLedger}
                    WHERE ${creditLedger.userId} = ${userId} AND ${creditLedger.workflow} = ${workflow})`,
      updatedAt: now,
    })
    .where(and(eq(creditBalance.userId, userId), eq(creditBalance.workflow, workflow)))

/**
 * The statements of one credit change: the ledger row, the balance row if it is the first, and the
 * balance recomputed. Run them in one batch: a repeated key (UNIQUE) or an overdraft (CHECK) fails
 * the whole batch.
 */
export const creditChange = (
  db: Db,
  change: {
    userId: string
    workflow: Workflow
    delta: number
    reason: LedgerReason
    idemKey: string
    generationId?: string
    note?: string
  },
  now = new Date()
) =>
  [
    db.insert(creditLedger).values({
      id: crypto.randomUUID(),
      userId: change.userId,
      workflow: change.workflow,
      delta: change.delta,
      reason: change.reason,
      generationId: change.generationId ?? null,
      note: change.note ?? null,
      idemKey: change.idemKey,
      createdAt: now,
    }),
    // The row starts at 0: SQLite checks an upsert's candidate row before resolving the conflict,
    // so inserting the (possibly negative) delta itself would trip the CHECK.
    db
      .insert(creditBalance)
      .values({ userId: change.userId, workflow: change.workflow, balance: 0, updatedAt: now })
      .onConflictDoNothing(),
    recomputeBalance(db, change.userId, change.workflow, now),
  ] as const

/** The user's balance in every workflow (0 where nothing was ever granted). */
export const getBalances = (db: Db, userId: string): Promise<Balances> =>
  runPlan(db, balancesPlan(db, userId))

/** The user's balances, as a plan that can share its round trip with the session check. */
export const balancesPlan = (db: Db, userId: UserIdRef): ReadPlan<Balances> =>
  readPlan([balancesQuery(db, userId)], ([rows]) => toBalances(rows))

/** The query behind `getBalances`, for callers that put it in a `db.batch` with their own reads. */
export const balancesQuery = (db: Db, userId: UserIdRef) =>
  db
    .select({ workflow: creditBalance.workflow, balance: creditBalance.balance })
    .from(creditBalance)
    .where(eq(creditBalance.userId, userId))

/** Balance rows as `Balances`, 0 where a workflow has no row yet. */
export const toBalances = (rows: readonly { workflow: Workflow; balance: number }[]): Balances => {
  const balances = Object.fromEntries(WORKFLOWS.map((workflow) => [workflow, 0])) as Balances
  for (const row of rows) balances[row.workflow] = row.balance
  return balances
}

/** The user's own credit history, newest first, in pages. */
export const listLedger = (db: Db, userId: string, page: LedgerPageQuery): Promise<LedgerPage> =>
  runPlan(db, ledgerPlan(db, userId, page))

/** One page of the credit history, as a plan that can share the session check's round trip. */
export const ledgerPlan = (
  db: Db,
  userId: UserIdRef,
  page: LedgerPageQuery
): ReadPlan<LedgerPage> => {
  const after = page.cursor ? decodeCursor(page.cursor) : undefined
  const query = db
    .select()
    .from(creditLedger)
    .where(
      and(
        eq(creditLedger.userId, userId),
        after
          ? or(
              lt(creditLedger.createdAt, new Date(after.time)),
              and(eq(creditLedger.createdAt, new Date(after.time)), lt(creditLedger.id, after.id))
            )
          : undefined
      )
    )
    .orderBy(desc(creditLedger.createdAt), desc(creditLedger.id))
    .limit(page.limit + 1)
  return readPlan([query], ([rows]) => {
    const items = rows.slice(0, page.limit)
    const last = items.at(-1)
    return {
      items: items.map((row) => ({
        id: row.id,
        workflow: row.workflow,
        delta: row.delta,
        reason: row.reason,
        generationId: row.generationId,
        note: row.note,
        createdAt: row.createdAt.toISOString(),
      })),
      nextCursor:
        rows.length > page.limit && last
          ? encodeCursor({ time: last.createdAt.getTime(), id: last.id })
          : null,
    }
  })
}

/** Which page of the credit history to read. */
export type LedgerPageQuery = { cursor?: string; limit: number }

/** An operator's grant of credits, as the `credits` CLI sends it. */
export type GrantInput = {
  email: string
  workflow: Workflow
  amount: number
  note?: string
  paid?: boolean
  idemKey: string
}

/**
 * The statements of an operator grant for a known user: the ledger row, the balance, and the
 * `paid` mark when asked. All in one batch, so they land together or not at all.
 */
export const grantStatements = (db: Db, userId: string, input: GrantInput, now = new Date()) => {
  const change = creditChange(
    db,
    {
      userId,
      workflow: input.workflow,
      delta: input.amount,
      reason: 'grant',
      idemKey: input.idemKey,
      note: input.note,
    },
    now
  )
  return input.paid
    ? ([
        ...change,
        db.update(user).set({ accountType: 'paid' }).where(eq(user.id, userId)),
      ] as const)
    : change
}

/** What a grant did: `granted` false means this idempotency key was already used. */
export type GrantResult = { userId: string; granted: boolean; balances: Balances }

/** Grants credits to the user with this email (`NOT_FOUND` when there is none); safe to repeat with the same key. */
export const grantCredits = async (db: Db, input: GrantInput): Promise<GrantResult> => {
  const [found] = await db
    .select({ id: user.id })
    .from(user)
    .where(eq(user.email, input.email.trim().toLowerCase()))
  if (!found) throw new ApiError('NOT_FOUND', `No account with the email ${input.email}`)
  let granted = true
  try {
    await db.batch(grantStatements(db, found.id, input))
  } catch (error) {
    if (!isDuplicateLedgerKey(error)) throw error
    granted = false
  }
  return { userId: found.id, granted, balances: await getBalances(db, found.id) }
}
