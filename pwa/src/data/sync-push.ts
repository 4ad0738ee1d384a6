import {
  createGenerationResponseSchema,
  type Generation,
  generationSchema,
} from '@app/shared-types'
import { ApiClientError, apiFetch, apiJson } from './api.ts'
import { markSessionExpired } from './auth-state.ts'
import { backoffDelay } from './backoff.ts'
import { db, type OutboxEntry } from './db.ts'
import { TIMEOUTS } from './timeouts.ts'

/** What one push did, and why it stopped early if it did. */
export interface PushResult {
  pushed: number
  stoppedBy?: 'network' | 'unauthenticated'
}

const asClientError = (error: unknown): ApiClientError =>
  error instanceof ApiClientError
    ? error
    : new ApiClientError({
        code: 'INTERNAL',
        status: 0,
        message: error instanceof Error ? error.message : String(error),
      })

const errorOf = (error: ApiClientError) => ({
  code: error.code,
  message: error.message,
  status: error.status,
})

const sendGenerate = async (entry: OutboxEntry): Promise<void> => {
  const form = new FormData()
  form.append('request', JSON.stringify(entry.request))
  entry.references.forEach((blob, index) => {
    form.append('reference', blob, `reference-${index}`)
  })
  // A timed-out upload is sent again under the same key, which the server answers as a replay.
  const { generation, balances } = await apiJson(
    '/api/generations',
    createGenerationResponseSchema,
    {
      method: 'POST',
      headers: { 'Idempotency-Key': entry.id },
      body: form,
      timeoutMs: TIMEOUTS.upload,
    }
  )
  // One transaction: the entry becomes the generation with the same id, so the card never blinks.
  await db.transaction('rw', db.outbox, db.generations, db.meta, async () => {
    await db.outbox.delete(entry.id)
    await db.generations.put(generation)
    await db.meta.put({ key: 'balances', value: { balances, at: new Date().toISOString() } })
  })
}

const sendCancel = async (entry: OutboxEntry): Promise<void> => {
  const generation = await apiJson(`/api/generations/${entry.targetId}/cancel`, generationSchema, {
    method: 'POST',
  })
  await finishChange(entry, generation)
}

const sendDelete = async (entry: OutboxEntry): Promise<void> => {
  try {
    await apiFetch(`/api/generations/${entry.targetId}`, { method: 'DELETE' })
  } catch (error) {
    if (!(error instanceof ApiClientError && error.code === 'NOT_FOUND')) throw error
  }
  await finishChange(entry, undefined)
}

/** Removes a done cancel/delete intent and stores the server's copy, if it still has one. */
const finishChange = async (entry: OutboxEntry, generation: Generation | undefined) => {
  await db.transaction('rw', db.outbox, db.generations, async () => {
    await db.outbox.delete(entry.id)
    if (generation) await db.generations.put(generation)
  })
}

/**
 * A refused cancel or delete (e.g. the generation already started) has no card to show on: the
 * intent goes, and the local copy is put back to what the server says.
 */
const dropRefusedChange = async (entry: OutboxEntry): Promise<void> => {
  let generation: Generation | undefined
  try {
    generation = await apiJson(`/api/generations/${entry.targetId}`, generationSchema)
  } catch {
    generation = undefined
  }
  await finishChange(entry, generation)
}

const send = (entry: OutboxEntry): Promise<void> => {
  if (entry.op === 'cancel') return sendCancel(entry)
  if (entry.op === 'delete') return sendDelete(entry)
  return sendGenerate(entry)
}

/** Entries due now, oldest first. Any `sending` one is left from a flush that died mid-request. */
const dueEntries = async (now: number): Promise<string[]> => {
  await db.outbox.where('state').equals('sending').modify({ state: 'waiting' })
  const waiting = await db.outbox.where('state').equals('waiting').toArray()
  return waiting
    .filter((entry) => entry.nextAttemptAt <= now)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((entry) => entry.id)
}

/**
 * Sends every due outbox entry, oldest first. The caller holds the flush lock, so entries are
 * read here, after it was taken, and each is read again right before it is sent.
 */
export const pushOutbox = async (): Promise<PushResult> => {
  let pushed = 0
  for (const id of await dueEntries(Date.now())) {
    const entry = await db.outbox.get(id)
    if (entry?.state !== 'waiting') continue
    if (entry.op === 'generate' && (await db.outbox.update(id, { state: 'sending' })) === 0)
      continue
    try {
      await send(entry)
      pushed++
    } catch (caught) {
      const error = asClientError(caught)
      if (error.code === 'UNAUTHENTICATED') {
        await markSessionExpired()
        return { pushed, stoppedBy: 'unauthenticated' }
      }
      if (error.retryable) {
        const attempts = entry.attempts + 1
        await db.outbox.update(id, {
          state: 'waiting',
          attempts,
          nextAttemptAt: Date.now() + backoffDelay(attempts, error.retryAfterMs),
          lastError: errorOf(error),
        })
        if (error.code === 'NETWORK') return { pushed, stoppedBy: 'network' }
        continue
      }
      if (entry.op === 'generate') {
        await db.outbox.update(id, { state: 'rejected', lastError: errorOf(error) })
      } else {
        await dropRefusedChange(entry)
      }
    }
  }
  return { pushed }
}
