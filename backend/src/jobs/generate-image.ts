import { eq } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { generation } from '../db/schema.ts'
import { deletePrefix } from '../lib/delete-prefix.ts'
import type { DashScopeClient } from '../services/dashscope/client.ts'
import { ProviderError } from '../services/dashscope/provider-errors.ts'
import { generationPrefix } from '../services/generation-resource.ts'
import { type Ending, fail, finish, requeue } from './job-end.ts'
import { claim, type Lease, LeaseLost, startHeartbeat } from './job-lease.ts'
import { obtainResult } from './provider-call.ts'
import { outputPrefix, type StoredOutput, storeOutputs } from './store-outputs.ts'

/** What the job needs: storage, the provider client, and how hard and how long to try. */
export type GenerationJobDeps = {
  db: Db
  bucket: R2Bucket
  client: DashScopeClient
  /** Claims before a retryable failure becomes final. */
  maxAttempts: number
  /** How long a claim holds without a heartbeat; the job renews it every third of that. */
  leaseMs: number
  /** How long one run may take in all, below the consumer's wall-clock limit. */
  budgetMs?: number
  now?: () => Date
  /** Waits between task polls and download retries; tests pass a fast one. */
  sleep?: (ms: number) => Promise<void>
}

/** What the queue should do with the message. */
export type JobOutcome =
  | { outcome: 'skipped' | 'succeeded' | 'failed' | 'lost' }
  | { outcome: 'retry'; delaySeconds: number }

/**
 * A Queue consumer may run 15 minutes; the job stops at 12 (a 300 s call, polls or downloads
 * included) so that ending it, refunds and all, still fits.
 */
export const JOB_BUDGET_MS = 12 * 60_000

type Row = typeof generation.$inferSelect

const sleeper = (signal: AbortSignal) => (ms: number) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(resolve, ms)
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        reject(signal.reason)
      },
      { once: true }
    )
  })

const asProviderError = (error: unknown, budgetSpent: boolean) => {
  if (budgetSpent) {
    return new ProviderError({
      errorClass: 'provider_busy',
      retryable: false,
      message: 'The job ran out of its time budget',
      cause: error,
    })
  }
  if (error instanceof ProviderError) return error
  // Anything else (a D1 or R2 blip) is worth another try; a resend is still counted.
  return new ProviderError({
    errorClass: 'ambiguous',
    retryable: true,
    message: String(error),
    cause: error,
  })
}

/** Whether this claim's job already moved the generation to `status`. */
const endedBy = async (db: Db, lease: Lease, status: Row['status']) => {
  const [row] = await db
    .select({ status: generation.status, attempts: generation.attempts })
    .from(generation)
    .where(eq(generation.id, lease.id))
  return row?.status === status && row.attempts === lease.token
}

const log = (msg: string, fields: Record<string, unknown>) =>
  console.error(JSON.stringify({ level: 'error', msg, ...fields }))

/** The claimed generation's work: result, outputs, end state. */
const work = async (
  deps: GenerationJobDeps,
  row: Row,
  end: Ending,
  signals: { lost: AbortSignal; budget: AbortSignal; any: AbortSignal }
): Promise<JobOutcome> => {
  const { db, bucket } = deps
  const now = () => deps.now?.() ?? new Date()
  const sleep = deps.sleep ?? sleeper(signals.any)
  const { lease } = end
  if (row.deletedAt) {
    // Deleted while an earlier job ran, which then died: nothing is delivered, so all is returned.
    await deletePrefix(bucket, generationPrefix(lease.userId, lease.id))
    await fail(db, end, 'INTERNAL', now())
    return { outcome: 'failed' }
  }
  // An earlier claim that died may have stored results without rows: this claim writes its own.
  if (row.attempts > 1) await deletePrefix(bucket, outputPrefix(lease.userId, lease.id))
  let stored: StoredOutput[] = []
  try {
    const callDeps = { db, bucket, client: deps.client, sleep, signal: signals.any }
    const answer = await obtainResult(callDeps, row, lease)
    const copied = await storeOutputs(callDeps, lease, answer.urls, row.cost)
    stored = copied.stored
    if (signals.lost.aborted) throw new LeaseLost()
    if (copied.error)
      log('results partly delivered', { generationId: lease.id, error: String(copied.error) })
    const kept = await finish(db, end, answer, stored, now())
    if (kept === 'lost') throw new LeaseLost()
    if (kept === 'deleted') await deletePrefix(bucket, generationPrefix(lease.userId, lease.id))
    return { outcome: 'succeeded' }
  } catch (error) {
    if (stored.length > 0) {
      // The final batch may have committed before its answer was lost: then the outputs are kept.
      if (await endedBy(db, lease, 'succeeded')) return { outcome: 'succeeded' }
      await bucket.delete(stored.map((s) => s.key))
    }
    if (error instanceof LeaseLost || signals.lost.aborted) return { outcome: 'lost' }
    const providerError = asProviderError(error, signals.budget.aborted)
    if (providerError.retryable && row.attempts < deps.maxAttempts) {
      const backoff = 2 ** row.attempts * (0.8 + Math.random() * 0.4)
      const delaySeconds = Math.ceil(Math.max(backoff, providerError.retryAfterSeconds ?? 0))
      await requeue(db, end, delaySeconds * 1000, now())
      return { outcome: 'retry', delaySeconds }
    }
    log('generation failed', { generationId: lease.id, error: providerError.message })
    await fail(db, end, providerError.generationErrorCode, now())
    return { outcome: 'failed' }
  }
}

/**
 * Runs one generation: claims it (`queued` → `running`, so a second message does nothing) under a
 * lease its heartbeat renews, obtains the provider's result (resuming what a job that died left),
 * copies the results to R2 and marks it `succeeded` (refunding images not delivered). A retryable
 * failure puts it back in the queue with backoff until `maxAttempts`; then, on a final failure, or
 * when the time budget is spent, it is `failed` and refunded exactly once. A job that finds it has
 * lost its lease stops and changes nothing.
 */
export const runGenerationJob = async (
  deps: GenerationJobDeps,
  generationId: string
): Promise<JobOutcome> => {
  const [row] = await deps.db.select().from(generation).where(eq(generation.id, generationId))
  if (row?.status !== 'queued') return { outcome: 'skipped' }
  const claimed = await claim(deps.db, row, deps.now?.() ?? new Date(), deps.leaseMs)
  if (!claimed) return { outcome: 'skipped' }
  const lost = new AbortController()
  const budget = AbortSignal.timeout(deps.budgetMs ?? JOB_BUDGET_MS)
  const stopHeartbeat = startHeartbeat(deps.db, claimed.lease, () => lost.abort(new LeaseLost()))
  try {
    return await work(
      deps,
      claimed.row,
      { lease: claimed.lease, workflow: claimed.row.workflow, cost: claimed.row.cost },
      { lost: lost.signal, budget, any: AbortSignal.any([lost.signal, budget]) }
    )
  } finally {
    stopHeartbeat()
  }
}
