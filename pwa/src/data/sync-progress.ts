import type { SyncProgress } from './db.ts'
import { readMeta } from './meta.ts'

export type { SyncProgress }

/**
 * How far the running catch-up pull is, from whichever tab or worker runs it; undefined when none
 * runs (a live pull of one page never sets it).
 */
export const readSyncProgress = (): Promise<SyncProgress | undefined> => readMeta('syncProgress')
