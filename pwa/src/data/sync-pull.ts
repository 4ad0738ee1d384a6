import {
  type Generation,
  SYNC_CATCH_UP_PAGE_SIZE,
  SYNC_PAGE_SIZE,
  type SyncPage,
  syncPageSchema,
} from '@app/shared-types'
import { apiJson } from './api.ts'
import { db } from './db.ts'

/** A server that answers `reset` again and again is broken; stop rather than loop. */
const MAX_RESETS = 2

/**
 * Whether a pulled copy must wait: a generation whose delete is still on the device must not come
 * back, and one canceled on the device keeps its local `canceled` until the cancel is sent.
 */
const heldBack = (generation: Generation, pending: Map<string, Set<string>>): boolean => {
  const ops = pending.get(generation.id)
  if (!ops) return false
  return ops.has('delete') || (ops.has('cancel') && generation.status === 'queued')
}

/** Applies one page in one transaction; `before` counts the changes this pull applied earlier. */
const applyPage = async (page: SyncPage, before: number): Promise<void> => {
  await db.transaction('rw', [db.generations, db.outbox, db.thumbnails, db.meta], async () => {
    const pending = new Map<string, Set<string>>()
    for (const entry of await db.outbox.where('targetId').above('').toArray()) {
      const target = entry.targetId ?? ''
      pending.set(target, (pending.get(target) ?? new Set()).add(entry.op))
    }
    const upserts: Generation[] = []
    const deletes: string[] = []
    for (const change of page.changes) {
      if (change.type === 'delete') deletes.push(change.id)
      else if (!heldBack(change.generation, pending)) upserts.push(change.generation)
    }
    // A generation on the server means its request got there (its answer may have been lost):
    // the device copy of the request is done. Only ids the small outbox holds are deleted, so a
    // catch-up page of 1,000 costs the outbox nothing.
    const onDevice = new Set(await db.outbox.toCollection().primaryKeys())
    await db.outbox.bulkDelete(upserts.map((g) => g.id).filter((id) => onDevice.has(id)))
    await db.generations.bulkPut(upserts)
    await db.generations.bulkDelete(deletes)
    const done = upserts.filter((g) => g.status === 'succeeded').map((g) => g.id)
    // One sorted walk of the thumbnails' keys rather than a read per generation.
    const stale = await db.thumbnails
      .where('id')
      .anyOf(done)
      .filter((t) => t.source === 'reference')
      .primaryKeys()
    await db.thumbnails.bulkDelete([...deletes, ...stale])
    const at = new Date().toISOString()
    await db.meta.bulkPut([
      { key: 'cursor', value: page.cursor },
      { key: 'balances', value: { balances: page.balances, at } },
      { key: 'lastSyncAt', value: at },
      { key: 'lastSyncError', value: null },
    ])
    const applied = before + page.changes.length
    if (page.hasMore) {
      await db.meta.put({
        key: 'syncProgress',
        value: { done: applied, total: applied + page.remaining },
      })
    } else {
      await db.meta.delete('syncProgress')
    }
  })
}

/** The server forgot our cursor: drop the synced copy (keeping the outbox) and pull from 0. */
const resetSyncedCopy = async (): Promise<void> => {
  await db.transaction('rw', db.generations, db.meta, async () => {
    await db.generations.clear()
    await db.meta.put({ key: 'cursor', value: 0 })
  })
}

const fetchPage = (cursor: number, limit: number): Promise<SyncPage> =>
  apiJson(`/api/sync?cursor=${cursor}&limit=${limit}`, syncPageSchema)

const pullPages = async (): Promise<number> => {
  let pulled = 0
  let resets = 0
  const stored = ((await db.meta.get('cursor'))?.value as number | undefined) ?? 0
  let next = fetchPage(stored, SYNC_PAGE_SIZE)
  for (;;) {
    const page = await next
    if (page.reset) {
      if (++resets > MAX_RESETS) throw new Error('The sync feed keeps resetting')
      await resetSyncedCopy()
      pulled = 0
      next = fetchPage(0, SYNC_PAGE_SIZE)
      continue
    }
    // The next page downloads while this one is written; if the write fails, the pull stops
    // and that download is dropped.
    if (page.hasMore) {
      next = fetchPage(page.cursor, SYNC_CATCH_UP_PAGE_SIZE)
      next.catch(() => undefined)
    }
    await applyPage(page, pulled)
    pulled += page.changes.length
    if (!page.hasMore) return pulled
  }
}

/**
 * Pulls every page of changes after the stored cursor, one short transaction per page (never
 * awaiting the network inside one). The first page is live-sized, so a new device shows cards
 * soon; when more follow, the rest come in catch-up pages, ten times fewer round trips, each
 * downloading while the one before is written. Returns how many changes it applied; throws
 * `ApiClientError`.
 */
export const pullChanges = async (): Promise<number> => {
  try {
    return await pullPages()
  } catch (error) {
    // A stopped catch-up resumes from its cursor next time; until then it is not running.
    await db.meta.delete('syncProgress')
    throw error
  }
}

/**
 * Notices a wiped database: the sentinel is written once, so a missing one next to a cursor means
 * the synced copy can no longer be trusted, and everything is pulled again from 0.
 */
export const checkSentinel = async (): Promise<void> => {
  await db.transaction('rw', db.generations, db.meta, async () => {
    if (await db.meta.get('sentinel')) return
    const cursor = (await db.meta.get('cursor'))?.value
    const synced = (await db.meta.get('lastSyncAt')) !== undefined
    if ((typeof cursor === 'number' && cursor > 0) || synced) {
      await db.generations.clear()
      await db.meta.put({ key: 'cursor', value: 0 })
    }
    await db.meta.put({ key: 'sentinel', value: crypto.randomUUID() })
  })
}
