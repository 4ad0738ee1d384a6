import { sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { syncState } from '../db/schema.ts'

/**
 * Moves the user's sync clock one step. Put it first in the batch that changes a generation, and
 * give that generation `version: currentVersion(userId)`, so every change gets a fresh version.
 */
export const tickSyncClock = (db: Db, userId: string) =>
  db
    .insert(syncState)
    .values({ userId, version: 1 })
    .onConflictDoUpdate({
      target: syncState.userId,
      set: { version: sql`${syncState.version} + 1` },
    })

/** The user's clock as of this point in the batch. */
export const currentVersion = (userId: string) =>
  sql<number>`(SELECT ${syncState.version} FROM ${syncState} WHERE ${syncState.userId} = ${userId})`
