import type { SQLWrapper } from 'drizzle-orm'
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch'
import type { Db } from '../db/client.ts'

type Queries = readonly [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]

/**
 * Reads that go to D1 together in one batch, and how their results become the answer. Services
 * hand out plans rather than running them so that a caller can put its own read (the session
 * check) into the same round trip.
 */
export interface ReadPlan<T> {
  readonly queries: Queries
  finish(results: readonly unknown[]): T
}

/** A user's id, or SQL that yields it inside the same batch (the session's user). */
export type UserIdRef = string | SQLWrapper

/** A plan whose `finish` sees each query's own result type. */
export const readPlan = <Q extends Queries, T>(
  queries: Q,
  finish: (results: BatchResponse<Q>) => T
): ReadPlan<T> => ({
  queries,
  // The plan's type forgets the tuple; the results come back in the order of `queries`.
  finish: (results) => finish(results as BatchResponse<Q>),
})

/** Runs a plan on its own, in one round trip. */
export const runPlan = async <T>(db: Db, plan: ReadPlan<T>): Promise<T> =>
  plan.finish(await db.batch(plan.queries))
