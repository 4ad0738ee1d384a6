import type { Balances, LedgerReason, Workflow } from '@app/shared-types'
import { desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { creditLedger, generation, generationImage, user } from '../db/schema.ts'
import { ApiError } from '../lib/api-error.ts'
import { balancesQuery, toBalances } from './credits.ts'

/** The account an operator names by email (`NOT_FOUND` when there is none). */
export const findAccount = async (db: Db, email: string) => {
  const [found] = await db
    .select({
      id: user.id,
      email: user.email,
      name: user.name,
      accountType: user.accountType,
      emailVerified: user.emailVerified,
      createdAt: user.createdAt,
    })
    .from(user)
    .where(eq(user.email, email.trim().toLowerCase()))
  if (!found) throw new ApiError('NOT_FOUND', `No account with the email ${email}`)
  return { ...found, accountType: found.accountType ?? 'free' }
}

/** An account as `npm run credits -- show` prints it. */
export type AccountReport = {
  account: Awaited<ReturnType<typeof findAccount>>
  balances: Balances
  ledger: {
    createdAt: Date
    workflow: Workflow
    delta: number
    reason: LedgerReason
    note: string | null
    idemKey: string
  }[]
  generations: {
    id: string
    createdAt: Date
    workflow: Workflow
    model: string
    status: string
    cost: number
    refunded: number
    images: number
    errorCode: string | null
  }[]
}

/** The account of `email` with its balances and its newest ledger rows and generations. */
export const showAccount = async (
  db: Db,
  email: string,
  limit = { ledger: 10, generations: 10 }
): Promise<AccountReport> => {
  const account = await findAccount(db, email)
  const [balances, ledger, generations] = await db.batch([
    balancesQuery(db, account.id),
    db
      .select({
        createdAt: creditLedger.createdAt,
        workflow: creditLedger.workflow,
        delta: creditLedger.delta,
        reason: creditLedger.reason,
        note: creditLedger.note,
        idemKey: creditLedger.idemKey,
      })
      .from(creditLedger)
      .where(eq(creditLedger.userId, account.id))
      .orderBy(desc(creditLedger.createdAt), desc(creditLedger.id))
      .limit(limit.ledger),
    db
      .select({
        id: generation.id,
        createdAt: generation.createdAt,
        workflow: generation.workflow,
        model: generation.model,
        status: generation.status,
        cost: generation.cost,
        refunded: generation.refunded,
        // Spelled out: drizzle writes a one-table select's columns unqualified, and a bare "id"
        // here would be the image's own.
        images: sql<number>`(SELECT count(*) FROM ${generationImage}
          WHERE ${generationImage.generationId} = "generation"."id"
            AND ${generationImage.kind} = 'output')`.mapWith(Number),
        errorCode: generation.errorCode,
      })
      .from(generation)
      .where(eq(generation.userId, account.id))
      .orderBy(desc(generation.createdAt), desc(generation.id))
      .limit(limit.generations),
  ])
  return { account, balances: toBalances(balances), ledger, generations }
}
