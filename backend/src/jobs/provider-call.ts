import { type GenerationParams, MODELS, type ModelId } from '@app/shared-types'
import { and, eq, sql } from 'drizzle-orm'
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core'
import type { Db } from '../db/client.ts'
import { generation, generationImage } from '../db/schema.ts'
import type { DashScopeClient } from '../services/dashscope/client.ts'
import { classifyProviderError, ProviderError } from '../services/dashscope/provider-errors.ts'
import type { ReferenceSource } from '../services/dashscope/streamed-body.ts'
import type { ProviderRequest, ProviderResult } from '../services/dashscope/wire.ts'
import { held, type Lease, LeaseLost } from './job-lease.ts'

type Row = typeof generation.$inferSelect

/** A provider's answer as the job keeps it: result URLs, and whether the simulator made them. */
export type ProviderAnswer = ProviderResult & { simulated: boolean }

/** What obtaining a result needs. */
export type CallDeps = {
  db: Db
  bucket: R2Bucket
  client: DashScopeClient
  sleep: (ms: number) => Promise<void>
  /** Aborts when the job loses its lease or spends its time budget. */
  signal: AbortSignal
}

/**
 * An unanswered call may still have been billed, so it is sent again only once
 * (docs/dashscope.md §8): with this many calls unanswered, the generation fails and is refunded
 * instead.
 */
export const MAX_UNANSWERED_CALLS = 2

/**
 * Task polls before the job gives up: the first after 5 s, then every 10 s
 * (docs/dashscope.md §6.4).
 */
const MAX_POLLS = 60

const write = async (db: Db, lease: Lease, set: SQLiteUpdateSetSource<typeof generation>) => {
  const result = await db.update(generation).set(set).where(held(lease))
  if (result.meta.changes !== 1) throw new LeaseLost()
}

/** The generation's photos, checked to exist now and read from R2 only while the call sends them. */
const referenceSources = async (deps: CallDeps, id: string): Promise<ReferenceSource[]> => {
  const rows = await deps.db
    .select()
    .from(generationImage)
    .where(and(eq(generationImage.generationId, id), eq(generationImage.kind, 'reference')))
    .orderBy(generationImage.index)
  const missing = () =>
    new ProviderError({
      errorClass: 'malformed',
      retryable: false,
      message: 'A reference is missing',
    })
  return Promise.all(
    rows.map(async (ref) => {
      const head = await deps.bucket.head(ref.r2Key)
      if (!head) throw missing()
      return {
        contentType: ref.contentType,
        size: head.size,
        open: async () => {
          const object = await deps.bucket.get(ref.r2Key)
          if (!object) throw missing()
          return object.body
        },
      }
    })
  )
}

const pollTask = async (
  deps: CallDeps,
  taskId: string,
  simulated: boolean,
  resumed: boolean
): Promise<ProviderAnswer> => {
  for (let poll = 0; poll < MAX_POLLS; poll++) {
    // A task taken over from a job that died has been running a while: look at once.
    if (!(resumed && poll === 0)) await deps.sleep(poll === 0 ? 5_000 : 10_000)
    const task = await deps.client.getTask(taskId, deps.signal)
    if (task.status === 'SUCCEEDED' && task.result) return { ...task.result, simulated }
    if (task.status === 'FAILED') {
      // A failed task carries the same codes as a failed call; the table classifies both.
      throw classifyProviderError(200, task.code, task.message ?? 'task FAILED')
    }
    if (task.status === 'CANCELED' || task.status === 'UNKNOWN' || task.status === 'SUCCEEDED') {
      // Its result is lost (docs/dashscope.md §6.4): fail and refund.
      throw new ProviderError({
        errorClass: 'ambiguous',
        retryable: false,
        message: `DashScope task ${task.status} without a result`,
      })
    }
  }
  throw new ProviderError({
    errorClass: 'provider_busy',
    retryable: false,
    message: 'DashScope task did not finish in time',
  })
}

/**
 * The provider's result for a claimed generation. A job that takes over from one that died
 * resumes what it left: a stored answer is downloaded again, a stored task is polled; only
 * otherwise is a call sent, counted as unanswered until its answer is stored.
 */
export const obtainResult = async (
  deps: CallDeps,
  row: Row,
  lease: Lease
): Promise<ProviderAnswer> => {
  const model = MODELS[row.model as ModelId]
  if (row.providerResult) return row.providerResult as ProviderAnswer
  if (row.providerTaskId) return pollTask(deps, row.providerTaskId, row.simulated, true)
  if (row.unansweredCalls >= MAX_UNANSWERED_CALLS) {
    throw new ProviderError({
      errorClass: 'ambiguous',
      retryable: false,
      message: 'DashScope left the call and its resend unanswered',
    })
  }
  const request: ProviderRequest = {
    model,
    params: row.params as GenerationParams,
    references: await referenceSources(deps, row.id),
  }
  await write(deps.db, lease, { unansweredCalls: sql`${generation.unansweredCalls} + 1` })
  const answered = sql`${generation.unansweredCalls} - 1`
  let answer: Awaited<ReturnType<DashScopeClient['createTask']>> | ProviderAnswer
  try {
    answer = model.asyncApi
      ? await deps.client.createTask(request, deps.signal)
      : await deps.client.generate(request, deps.signal)
  } catch (error) {
    if (!(error instanceof ProviderError) || error.errorClass !== 'ambiguous') {
      await write(deps.db, lease, { unansweredCalls: answered })
      throw error
    }
    if (row.unansweredCalls + 1 >= MAX_UNANSWERED_CALLS) {
      throw new ProviderError({
        errorClass: 'ambiguous',
        retryable: false,
        message: `${error.message}; already sent again once`,
        cause: error,
      })
    }
    throw error
  }
  if ('taskId' in answer) {
    await write(deps.db, lease, { providerTaskId: answer.taskId, unansweredCalls: answered })
    return pollTask(deps, answer.taskId ?? '', answer.simulated, false)
  }
  await write(deps.db, lease, { providerResult: answer, unansweredCalls: answered })
  return answer
}
