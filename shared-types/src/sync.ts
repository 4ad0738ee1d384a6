import * as z from 'zod'
import { balancesSchema } from './credits.ts'
import { generationSchema } from './generations.ts'
import { clientIdSchema } from './ids.ts'

/** Changes in a page of a live pull, which mostly has a handful: the default. */
export const SYNC_PAGE_SIZE = 100

/**
 * Changes in a page of a catch-up pull (a new device, or one long offline), and the most the server
 * serves. A new device's 10,000 generations come in ten round trips instead of a hundred; a page
 * stays under 1 MB of JSON.
 */
export const SYNC_CATCH_UP_PAGE_SIZE = 1_000

/** Days a deleted generation's tombstone is kept; older cursors get `reset: true`. */
export const TOMBSTONE_RETENTION_DAYS = 31

/**
 * Query of `GET /api/sync`: the last version the client has seen (0 for a first pull), and how many
 * changes a page may carry.
 */
export const syncQuerySchema = z.strictObject({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(SYNC_CATCH_UP_PAGE_SIZE).default(SYNC_PAGE_SIZE),
})
export type SyncQuery = z.infer<typeof syncQuerySchema>

/** One change in the sync feed: a generation as it is now, or the tombstone of a deleted one. */
export const syncChangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('upsert'), generation: generationSchema }),
  z.object({ type: z.literal('delete'), id: clientIdSchema, version: z.int().nonnegative() }),
])
export type SyncChange = z.infer<typeof syncChangeSchema>

/**
 * One page of `GET /api/sync`. With `reset`, the client drops its synced copy (keeping its outbox)
 * and pulls again from 0.
 */
export const syncPageSchema = z.object({
  changes: z.array(syncChangeSchema).max(SYNC_CATCH_UP_PAGE_SIZE),
  cursor: z.int().nonnegative(),
  hasMore: z.boolean(),
  /** Changes after this page, so a catch-up can show how far it is. */
  remaining: z.int().nonnegative(),
  reset: z.boolean(),
  balances: balancesSchema,
})
export type SyncPage = z.infer<typeof syncPageSchema>
