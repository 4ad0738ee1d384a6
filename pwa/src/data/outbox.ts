import type { GenerationRequestInput, Workflow } from '@app/shared-types'
import { registerBackgroundSync } from './background-sync.ts'
import { db, type OutboxEntry, type OutboxOp, type OutboxState } from './db.ts'
import { UNSENT_STATES } from './outbox-count.ts'
import { keepSavedWork } from './storage.ts'
import { requestFlush } from './sync-engine.ts'
import { storeThumbnail } from './thumbnails.ts'

/** What the studio hands over when the user taps Generate (or Queue, offline). */
export interface GenerateIntent {
  workflow: Workflow
  request: GenerationRequestInput
  /** Prepared photos in send order; empty for ad-graphic. */
  references: Blob[]
}

/** States of a request that has not reached the server and is not refused. */

let lastCreatedAt = 0

/** Strictly increasing, so two requests made in the same millisecond still go out in order. */
const nextCreatedAt = (): string => {
  lastCreatedAt = Math.max(Date.now(), lastCreatedAt + 1)
  return new Date(lastCreatedAt).toISOString()
}

const newEntry = (
  id: string,
  op: OutboxOp,
  workflow: Workflow,
  extra: Partial<OutboxEntry> = {}
): OutboxEntry => ({
  id,
  op,
  workflow,
  references: [],
  createdAt: nextCreatedAt(),
  attempts: 0,
  nextAttemptAt: 0,
  state: 'waiting',
  schemaVersion: 1,
  ...extra,
})

const afterWrite = (): void => {
  requestFlush()
  registerBackgroundSync()
}

/** The card's thumbnail from the first photo, made after the entry is stored (it takes a while). */
const thumbnailFromReferences = (id: string, references: readonly Blob[]): void => {
  const first = references[0]
  if (first) void storeThumbnail(id, first, 'reference').catch(() => undefined)
}

/**
 * Stores the intent as a `waiting` outbox entry in one short transaction and returns its id (the
 * future generation id), then asks for a flush. The card shows at once.
 */
export const enqueueGeneration = async (intent: GenerateIntent): Promise<string> => {
  const id = crypto.randomUUID()
  await db.outbox.put(
    newEntry(id, 'generate', intent.workflow, {
      request: intent.request,
      references: intent.references,
    })
  )
  thumbnailFromReferences(id, intent.references)
  afterWrite()
  void keepSavedWork()
  return id
}

const removeLocal = async (ids: readonly string[]): Promise<void> => {
  await db.transaction('rw', db.outbox, db.thumbnails, async () => {
    await db.outbox.bulkDelete([...ids])
    await db.thumbnails.bulkDelete([...ids])
  })
}

/** Removes a request that is still on the device (waiting, paused or rejected). */
export const discardEntry = async (id: string): Promise<void> => {
  await removeLocal([id])
}

/**
 * Sends a rejected entry again, optionally with edited inputs, and returns the id it now has.
 * An edited request is a new request, so it gets a new id (its old idempotency key belongs to
 * different inputs); a plain resend keeps its id, so the server can never charge it twice.
 */
export const resendEntry = async (
  id: string,
  edited?: Pick<GenerateIntent, 'request' | 'references'>
): Promise<string> => {
  const entry = await db.outbox.get(id)
  if (!entry) throw new Error(`No request ${id} on this device`)
  if (!edited) {
    await db.outbox.update(id, {
      state: 'waiting',
      attempts: 0,
      nextAttemptAt: 0,
      lastError: undefined,
    })
    afterWrite()
    return id
  }
  const newId = crypto.randomUUID()
  await db.transaction('rw', db.outbox, db.thumbnails, async () => {
    await db.outbox.delete(id)
    await db.thumbnails.delete(id)
    await db.outbox.put(
      newEntry(newId, 'generate', entry.workflow, {
        request: edited.request,
        references: edited.references,
      })
    )
  })
  thumbnailFromReferences(newId, edited.references)
  afterWrite()
  return newId
}

/** Cancels a card: a device-only request is removed; a server `queued` one gets a cancel intent. */
export const cancelGeneration = async (id: string): Promise<void> => {
  const queued = await db.transaction('rw', db.outbox, db.generations, db.thumbnails, async () => {
    const local = await db.outbox.get(id)
    if (local) {
      await db.outbox.delete(id)
      await db.thumbnails.delete(id)
      return false
    }
    const generation = await db.generations.get(id)
    if (generation?.status !== 'queued') return false
    await db.generations.put({ ...generation, status: 'canceled' })
    await db.outbox.put(
      newEntry(crypto.randomUUID(), 'cancel', generation.workflow, { targetId: id })
    )
    return true
  })
  if (queued) afterWrite()
}

/**
 * Deletes a card: a device-only request is removed; a synced generation disappears at once and a
 * delete intent is queued for the server.
 */
export const deleteGeneration = async (id: string): Promise<void> => {
  const queued = await db.transaction('rw', db.outbox, db.generations, db.thumbnails, async () => {
    await db.thumbnails.delete(id)
    if (await db.outbox.get(id)) {
      await db.outbox.delete(id)
      return false
    }
    const generation = await db.generations.get(id)
    if (!generation) return false
    await db.generations.delete(id)
    // A pending cancel of the same generation is moot once it is deleted.
    await db.outbox.where('targetId').equals(id).delete()
    await db.outbox.put(
      newEntry(crypto.randomUUID(), 'delete', generation.workflow, { targetId: id })
    )
    return true
  })
  if (queued) afterWrite()
}

const generateEntriesIn = (states: readonly OutboxState[]) =>
  db.outbox
    .where('state')
    .anyOf([...states])
    .filter((entry) => entry.op === 'generate')

/** Requests of `workflow` the server refused for lack of credits, oldest first. */
export const refusedForCreditsIds = async (workflow: Workflow): Promise<string[]> =>
  (
    await generateEntriesIn(['rejected'])
      .filter((entry) => entry.workflow === workflow && entry.lastError?.code === 'OUT_OF_CREDITS')
      .toArray()
  )
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((entry) => entry.id)

/** Sends again, each under its own id, every request of `workflow` refused for lack of credits. */
export const resendRefusedForCredits = async (workflow: Workflow): Promise<void> => {
  for (const id of await refusedForCreditsIds(workflow)) await resendEntry(id)
}

/** Removes every waiting or paused request on the device. */
export const cancelAllWaiting = async (): Promise<number> => {
  const ids = (await generateEntriesIn(['waiting', 'paused']).primaryKeys()) as string[]
  await removeLocal(ids)
  return ids.length
}

/** Generate requests on the device that the server has not accepted yet. */
export const unsentEntries = async (): Promise<OutboxEntry[]> =>
  (await generateEntriesIn([...UNSENT_STATES, 'rejected']).toArray()).sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt)
  )
