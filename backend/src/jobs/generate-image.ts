import {
  type GenerationErrorCode,
  type GenerationParams,
  MODELS,
  type ModelId,
} from '@app/shared-types'
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { generation, generationImage } from '../db/schema.ts'
import { probeImage } from '../lib/image-probe.ts'
import type { DashScopeClient } from '../services/dashscope/client.ts'
import { classifyProviderError, ProviderError } from '../services/dashscope/provider-errors.ts'
import type { ProviderResult } from '../services/dashscope/wire.ts'
import { imageKey } from '../services/generation-resource.ts'
import { refundStatements } from '../services/refunds.ts'
import { currentVersion, tickSyncClock } from '../services/sync-clock.ts'

/** What the job needs: storage, the provider client, and how hard to try. */
export type GenerationJobDeps = {
  db: Db
  bucket: R2Bucket
  client: DashScopeClient
  maxAttempts: number
  now?: () => Date
  /** Waits between task polls; tests pass a fast one. */
  sleep?: (ms: number) => Promise<void>
}

/** What the queue should do with the message. */
export type JobOutcome =
  | { outcome: 'skipped' | 'succeeded' | 'failed' }
  | { outcome: 'retry'; delaySeconds: number }

type Row = typeof generation.$inferSelect

/** Tries per result image before the generation fails (and is refunded). */
const DOWNLOAD_ATTEMPTS = 4

// Short, user-safe texts; the PWA shows its own words chosen by the code.
const USER_MESSAGES: Record<GenerationErrorCode, string> = {
  CONTENT_REFUSED: 'The image service declined this request.',
  INPUT_UNREADABLE: 'The image service could not read one of the photos.',
  INVALID_SETTINGS: 'The image service rejected these settings.',
  PROVIDER_BUSY: 'The image service is busy.',
  INTERNAL: 'Something went wrong on our side.',
}

const base64 = (bytes: Uint8Array) => {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

const sleepOf = (deps: GenerationJobDeps) =>
  deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))

const claim = async (db: Db, row: Row, now: Date) => {
  const [, claimed] = await db.batch([
    tickSyncClock(db, row.userId),
    db
      .update(generation)
      .set({
        status: 'running',
        startedAt: now,
        updatedAt: now,
        attempts: sql`${generation.attempts} + 1`,
        version: currentVersion(row.userId),
      })
      .where(
        and(
          eq(generation.id, row.id),
          eq(generation.status, 'queued'),
          isNull(generation.deletedAt)
        )
      ),
  ])
  return claimed.meta.changes === 1
}

const referencesOf = async (deps: GenerationJobDeps, id: string) => {
  const rows = await deps.db
    .select()
    .from(generationImage)
    .where(and(eq(generationImage.generationId, id), eq(generationImage.kind, 'reference')))
    .orderBy(generationImage.index)
  return Promise.all(
    rows.map(async (ref) => {
      const object = await deps.bucket.get(ref.r2Key)
      if (!object)
        throw new ProviderError({
          errorClass: 'malformed',
          retryable: false,
          message: `Reference ${ref.index} is missing`,
        })
      return `data:${ref.contentType};base64,${base64(new Uint8Array(await object.arrayBuffer()))}`
    })
  )
}

const callProvider = async (deps: GenerationJobDeps, row: Row, references: string[]) => {
  const model = MODELS[row.model as ModelId]
  const request = { model, params: row.params as GenerationParams, references }
  if (!model.asyncApi) return deps.client.generate(request)
  const created = await deps.client.createTask(request)
  await deps.db
    .update(generation)
    .set({ providerTaskId: created.taskId })
    .where(eq(generation.id, row.id))
  const sleep = sleepOf(deps)
  // First poll after 5 s, then every 10 s (dashscope.md §6.4), within the consumer's time limit.
  for (let poll = 0; poll < 60; poll++) {
    await sleep(poll === 0 ? 5_000 : 10_000)
    const task = await deps.client.getTask(created.taskId ?? '')
    if (task.status === 'SUCCEEDED' && task.result)
      return { ...task.result, simulated: created.simulated }
    if (task.status === 'FAILED') {
      // A failed task carries the same codes as a failed call; the table classifies both.
      throw classifyProviderError(200, task.code, task.message ?? 'task FAILED')
    }
    if (task.status === 'CANCELED' || task.status === 'UNKNOWN' || task.status === 'SUCCEEDED') {
      // Its result is lost (dashscope.md §6.4): fail and refund.
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
 * Result URLs are already paid for, so a failed download is retried here rather than by running
 * the job again, which would call (and bill) the provider a second time.
 */
const downloadWithRetry = async (deps: GenerationJobDeps, url: string) => {
  const sleep = sleepOf(deps)
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.client.download(url)
    } catch (error) {
      const retryable = error instanceof ProviderError && error.retryable
      if (!retryable || attempt >= DOWNLOAD_ATTEMPTS) {
        throw new ProviderError({
          errorClass: 'provider_busy',
          retryable: false,
          message: `Result download failed: ${error instanceof Error ? error.message : String(error)}`,
          cause: error,
        })
      }
      await sleep(500 * 2 ** attempt)
    }
  }
}

const storeOutputs = async (deps: GenerationJobDeps, row: Row, result: ProviderResult) => {
  const stored: {
    key: string
    bytes: number
    width: number
    height: number
    contentType: string
    index: number
  }[] = []
  try {
    for (const [index, url] of result.urls.slice(0, row.cost).entries()) {
      const { bytes } = await downloadWithRetry(deps, url)
      const data = new Uint8Array(bytes)
      const info = probeImage(data)
      if (!info)
        throw new ProviderError({
          errorClass: 'malformed',
          retryable: false,
          message: 'A result is not an image',
        })
      const key = imageKey(row.userId, row.id, 'output', index, info.extension)
      await deps.bucket.put(key, data, { httpMetadata: { contentType: info.contentType } })
      stored.push({
        key,
        bytes: data.byteLength,
        width: info.width,
        height: info.height,
        contentType: info.contentType,
        index,
      })
    }
  } catch (error) {
    // No orphan objects: what was stored of a failed attempt goes.
    if (stored.length > 0) await deps.bucket.delete(stored.map((s) => s.key))
    throw error
  }
  return stored
}

const finish = async (
  deps: GenerationJobDeps,
  row: Row,
  result: ProviderResult & { simulated: boolean },
  now: Date
) => {
  const stored = await storeOutputs(deps, row, result)
  const refunded = row.cost - stored.length
  const [, , updated] = await deps.db.batch([
    tickSyncClock(deps.db, row.userId),
    deps.db.insert(generationImage).values(
      stored.map((s) => ({
        id: crypto.randomUUID(),
        generationId: row.id,
        userId: row.userId,
        kind: 'output' as const,
        index: s.index,
        r2Key: s.key,
        contentType: s.contentType,
        width: s.width,
        height: s.height,
        bytes: s.bytes,
        createdAt: now,
      }))
    ),
    deps.db
      .update(generation)
      .set({
        status: 'succeeded',
        refunded,
        simulated: result.simulated,
        providerRequestId: result.requestId ?? null,
        finishedAt: now,
        updatedAt: now,
        version: currentVersion(row.userId),
      })
      .where(
        and(
          eq(generation.id, row.id),
          eq(generation.status, 'running'),
          isNull(generation.deletedAt)
        )
      ),
    ...refundStatements(
      deps.db,
      { id: row.id, userId: row.userId, workflow: row.workflow, status: 'succeeded' },
      now
    ),
  ])
  if (updated.meta.changes !== 1) {
    // Deleted while running: keep nothing of it.
    await deps.bucket.delete(stored.map((s) => s.key))
    await deps.db
      .delete(generationImage)
      .where(and(eq(generationImage.generationId, row.id), eq(generationImage.kind, 'output')))
  }
}

const fail = async (deps: GenerationJobDeps, row: Row, code: GenerationErrorCode, now: Date) => {
  await deps.db.batch([
    tickSyncClock(deps.db, row.userId),
    deps.db
      .update(generation)
      .set({
        status: 'failed',
        refunded: row.cost,
        errorCode: code,
        errorMessage: USER_MESSAGES[code],
        finishedAt: now,
        updatedAt: now,
        version: currentVersion(row.userId),
      })
      .where(and(eq(generation.id, row.id), eq(generation.status, 'running'))),
    ...refundStatements(
      deps.db,
      { id: row.id, userId: row.userId, workflow: row.workflow, status: 'failed' },
      now
    ),
  ])
}

const requeue = (deps: GenerationJobDeps, row: Row, now: Date) =>
  deps.db.batch([
    tickSyncClock(deps.db, row.userId),
    deps.db
      .update(generation)
      .set({ status: 'queued', updatedAt: now, version: currentVersion(row.userId) })
      .where(and(eq(generation.id, row.id), eq(generation.status, 'running'))),
  ])

/**
 * Runs one generation: claims it (`queued` → `running`, so a second run does nothing), calls the
 * provider, copies the results to R2 and marks it `succeeded` (refunding images not delivered).
 * A retryable failure puts it back in the queue with backoff until `maxAttempts`; then, or on a
 * final failure, it is `failed` and refunded exactly once.
 */
export const runGenerationJob = async (
  deps: GenerationJobDeps,
  generationId: string,
  attempt: number
): Promise<JobOutcome> => {
  const now = () => deps.now?.() ?? new Date()
  const [row] = await deps.db.select().from(generation).where(eq(generation.id, generationId))
  if (row?.status !== 'queued' || row.deletedAt) return { outcome: 'skipped' }
  if (!(await claim(deps.db, row, now()))) return { outcome: 'skipped' }
  try {
    const result = await callProvider(deps, row, await referencesOf(deps, row.id))
    await finish(deps, row, result, now())
    return { outcome: 'succeeded' }
  } catch (error) {
    const providerError =
      error instanceof ProviderError
        ? error
        : new ProviderError({
            errorClass: 'ambiguous',
            retryable: true,
            message: String(error),
            cause: error,
          })
    // An unanswered call may still have been billed, so it is sent again only once (dashscope.md §8).
    const limit =
      providerError.errorClass === 'ambiguous' ? Math.min(2, deps.maxAttempts) : deps.maxAttempts
    if (providerError.retryable && attempt < limit) {
      await requeue(deps, row, now())
      const backoff = 2 ** attempt * (0.8 + Math.random() * 0.4)
      return {
        outcome: 'retry',
        delaySeconds: Math.ceil(Math.max(backoff, providerError.retryAfterSeconds ?? 0)),
      }
    }
    console.error(
      JSON.stringify({
        level: 'error',
        msg: 'generation failed',
        generationId,
        error: providerError.message,
      })
    )
    await fail(deps, row, providerError.generationErrorCode, now())
    return { outcome: 'failed' }
  }
}
