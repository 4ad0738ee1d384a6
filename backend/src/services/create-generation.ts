import {
  type Balances,
  type CreateGenerationResponse,
  checkRequestForModel,
  type GenerationParams,
  type GenerationRequest,
  generationCost,
  LIMITS,
  MODELS,
  type ModelId,
  type Workflow,
} from '@app/shared-types'
import { and, eq, gt, sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { generation, generationImage } from '../db/schema.ts'
import { ApiError } from '../lib/api-error.ts'
import type { ImageInfo } from '../lib/image-probe.ts'
import { creditChange, getBalances } from './credits.ts'
import { imageKey } from './generation-resource.ts'
import { readGeneration } from './read-generations.ts'
import { currentVersion, tickSyncClock } from './sync-clock.ts'

/** The message the generation job receives. */
export type GenerationJob = { generationId: string }

/** What creating a generation needs. */
export type CreateGenerationDeps = {
  db: Db
  bucket: R2Bucket
  queue: Queue<GenerationJob>
  models: Record<Workflow, ModelId>
  simulated: boolean
  /** New generations a user may start per minute. */
  perMinute: number
  /** How long a queued generation may wait for its message before the sweeper sends another. */
  leaseMs: number
  now?: Date
}

/** One reference photo as uploaded: its bytes and what its header says. */
export type Reference = { bytes: Uint8Array; info: ImageInfo }

const hex = (buffer: ArrayBuffer) =>
  [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
const sha256 = async (data: Uint8Array) => hex(await crypto.subtle.digest('SHA-256', data))

/** A hash of the normalized request and its photos: the same key must always mean the same request. */
export const fingerprint = async (request: GenerationRequest, references: Reference[]) => {
  const photos = await Promise.all(references.map((reference) => sha256(reference.bytes)))
  const canonical = JSON.stringify(Object.entries(request).sort(([a], [b]) => a.localeCompare(b)))
  return sha256(new TextEncoder().encode(JSON.stringify([canonical, photos])))
}

const checkReferences = (references: Reference[]) =>
  references.flatMap((reference, i) => {
    const { width, height } = reference.info
    const problems = []
    if (reference.bytes.byteLength > LIMITS.referenceMaxBytes) {
      problems.push({ path: `reference.${i}`, message: 'Each photo must be 10 MB or smaller.' })
    }
    const sides = [width, height]
    if (sides.some((side) => side < LIMITS.referenceMinSide || side > LIMITS.referenceMaxSide)) {
      problems.push({
        path: `reference.${i}`,
        message: `This photo is ${width} × ${height} px. Each side must be ${LIMITS.referenceMinSide}–${LIMITS.referenceMaxSide} px.`,
      })
    }
    return problems
  })

const paramsOf = (request: GenerationRequest): GenerationParams => ({
  prompt: request.prompt,
  ...(request.negativePrompt ? { negativePrompt: request.negativePrompt } : {}),
  ...(request.size ? { size: request.size } : {}),
  n: request.n,
  ...(request.seed !== undefined ? { seed: request.seed } : {}),
  promptExtend: request.promptExtend,
})

const tooMany = () =>
  new ApiError('RATE_LIMITED', 'Too many new generations; wait a minute', {
    headers: { 'Retry-After': '60' },
  })

const outOfCredits = (workflow: Workflow, balances: Balances) =>
  new ApiError('OUT_OF_CREDITS', `Not enough ${workflow} credits. Nothing was charged.`, {
    details: Object.entries(balances).map(([path, balance]) => ({
      path,
      message: String(balance),
    })),
  })

/**
 * Sends the job. The generation is already charged and stored, so a failed send is not answered as
 * an error: the generation is marked overdue, so a replay of its key sends it again, and the
 * sweeper does on its next run.
 */
const dispatch = async (deps: CreateGenerationDeps, id: string) => {
  try {
    await deps.queue.send({ generationId: id })
  } catch (error) {
    console.error(
      JSON.stringify({ level: 'error', msg: 'queue send failed', id, error: String(error) })
    )
    await deps.db
      .update(generation)
      .set({ leaseExpiresAt: new Date(0) })
      .where(and(eq(generation.id, id), eq(generation.status, 'queued')))
      // If even this fails, the lease set at creation still runs out and the sweeper sends it.
      .catch(() => undefined)
  }
}

/** Sends a queued generation's job again when no message has claimed it in time. */
const redispatchOverdue = async (
  deps: CreateGenerationDeps,
  row: typeof generation.$inferSelect
) => {
  const now = deps.now ?? new Date()
  if (row.status !== 'queued' || (row.leaseExpiresAt && row.leaseExpiresAt > now)) return
  const taken = await deps.db
    .update(generation)
    .set({ leaseExpiresAt: new Date(now.getTime() + deps.leaseMs) })
    .where(and(eq(generation.id, row.id), eq(generation.status, 'queued')))
  if (taken.meta.changes === 1) await dispatch(deps, row.id)
}

const replayOf = async (deps: CreateGenerationDeps, userId: string, id: string, print: string) => {
  const [row] = await deps.db.select().from(generation).where(eq(generation.id, id))
  if (!row) return undefined
  if (row.userId !== userId || row.fingerprint !== print) {
    throw new ApiError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was used for a different request'
    )
  }
  await redispatchOverdue(deps, row)
  const existing = await readGeneration(deps.db, userId, id)
  return { generation: existing, balances: await getBalances(deps.db, userId) }
}

/**
 * Accepts a generation request: one batch writes the generation (`queued`), its reference photos'
 * rows, the debit and the balance, then the job is queued. A repeat of the same key and request
 * answers the existing generation without charging again; `replayed` says which happened.
 */
export const createGeneration = async (
  deps: CreateGenerationDeps,
  userId: string,
  id: string,
  request: GenerationRequest,
  references: Reference[]
): Promise<CreateGenerationResponse & { replayed: boolean }> => {
  const model = MODELS[deps.models[request.workflow]]
  const problems = checkRequestForModel(request, model, references.length)
  if (problems.length > 0) {
    throw new ApiError('VALIDATION_FAILED', 'The request is not valid', { details: problems })
  }
  const photoProblems = checkReferences(references)
  if (photoProblems.length > 0) {
    throw new ApiError('INVALID_IMAGE', 'A reference photo is not usable', {
      details: photoProblems,
    })
  }
  const print = await fingerprint(request, references)
  const replay = await replayOf(deps, userId, id, print)
  if (replay) return { ...replay, replayed: true }

  const now = deps.now ?? new Date()
  const lastMinute = and(
    eq(generation.userId, userId),
    gt(generation.createdAt, new Date(now.getTime() - 60_000))
  )
  // A quick refusal before any upload; the batch below enforces the limit under concurrency.
  const [recent] = await deps.db
    .select({ n: sql<number>`count(*)` })
    .from(generation)
    .where(lastMinute)
  if ((recent?.n ?? 0) >= deps.perMinute) throw tooMany()
  const cost = generationCost(request)
  const before = await getBalances(deps.db, userId)
  if (before[request.workflow] < cost) throw outOfCredits(request.workflow, before)

  // Keys of this upload's own: a concurrent request under the same key never overwrites these
  // photos, and when it loses the race it deletes only its own.
  const upload = crypto.randomUUID().slice(0, 8)
  const stored = references.map((reference, index) => ({
    ...reference,
    index,
    key: imageKey(userId, id, 'reference', index, reference.info.extension, upload),
  }))
  await Promise.all(
    stored.map((s) =>
      deps.bucket.put(s.key, s.bytes, { httpMetadata: { contentType: s.info.contentType } })
    )
  )
  try {
    await deps.db.batch([
      tickSyncClock(deps.db, userId),
      deps.db.insert(generation).values({
        id,
        userId,
        workflow: request.workflow,
        status: 'queued',
        fingerprint: print,
        params: paramsOf(request),
        model: model.id,
        // Over the limit, the cost becomes 0, which `generation_cost_positive` refuses: the count
        // and the insert are one statement in one batch, so concurrent requests cannot all pass it.
        cost: sql`CASE WHEN (SELECT count(*) FROM ${generation} WHERE ${lastMinute}) < ${deps.perMinute} THEN ${cost} ELSE 0 END`,
        simulated: deps.simulated,
        version: currentVersion(userId),
        leaseExpiresAt: new Date(now.getTime() + deps.leaseMs),
        createdAt: now,
        updatedAt: now,
      }),
      ...stored.map((s) =>
        deps.db.insert(generationImage).values({
          id: crypto.randomUUID(),
          generationId: id,
          userId,
          kind: 'reference',
          index: s.index,
          r2Key: s.key,
          contentType: s.info.contentType,
          width: s.info.width,
          height: s.info.height,
          bytes: s.bytes.byteLength,
          createdAt: now,
        })
      ),
      ...creditChange(
        deps.db,
        {
          userId,
          workflow: request.workflow,
          delta: -cost,
          reason: 'generation',
          idemKey: `spend:${id}`,
          generationId: id,
        },
        now
      ),
    ])
  } catch (error) {
    await deps.bucket.delete(stored.map((s) => s.key))
    const text = `${error instanceof Error ? error.message : ''} ${String((error as { cause?: unknown }).cause ?? '')}`
    if (/CHECK constraint failed: generation_cost_positive/.test(text)) throw tooMany()
    if (/CHECK constraint failed/.test(text))
      throw outOfCredits(request.workflow, await getBalances(deps.db, userId))
    // A concurrent request with the same key won the race: answer as its replay.
    const raced = /UNIQUE constraint failed/.test(text) && (await replayOf(deps, userId, id, print))
    if (raced) return { ...raced, replayed: true }
    throw error
  }
  await dispatch(deps, id)
  const created = await readGeneration(deps.db, userId, id)
  return { generation: created, balances: await getBalances(deps.db, userId), replayed: false }
}
