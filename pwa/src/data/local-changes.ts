import { Dexie } from 'dexie'
import { DB_NAME } from './db-name.ts'

type Table = 'generations' | 'outbox' | 'thumbnails' | 'drafts' | 'meta'

/**
 * Calls `listener` after a change to any of `tables`, made in this tab or another (Dexie
 * broadcasts them). For views that read with plain queries, which are cheaper than a new live
 * query each time their window moves. Returns a function that stops it.
 */
export const onLocalChange = (tables: readonly Table[], listener: () => void): (() => void) => {
  const prefixes = tables.map((table) => `idb://${DB_NAME}/${table}/`)
  const handler = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) {
      listener()
    }
  }
  Dexie.on.storagemutated.subscribe(handler)
  return () => Dexie.on.storagemutated.unsubscribe(handler)
}
