import * as z from 'zod'
import { balancesSchema } from './credits.ts'
import { generationSchema } from './generations.ts'
import { clientIdSchema } from './ids.ts'

/** Most changes one sync page carries. */
export const SYNC_PAGE_SIZE = 100

/** Days a deleted generation's tombstone is kept; older cursors get `reset: true`. */
export const TOMBSTONE_RETENTION_DAYS = 31

/** Query of `GET /api/sync`: the last version the client has seen (0 for a first pull). */
export const syncQuerySchema = z.strictObject({
  cursor: z.coerce.number().int().min(0).default(0),
})

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
  changes: z.array(syncChangeSchema).max(SYNC_PAGE_SIZE),
  cursor: z.int().nonnegative(),
  hasMore: z.boolean(),
  reset: z.boolean(),
  balances: balancesSchema,
})
export type SyncPage = z.infer<typeof syncPageSchema>
