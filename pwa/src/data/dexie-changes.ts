import { DB_NAME } from './db-name.ts'

/**
 * Dexie's own channel for changes made in any tab or worker of the origin (it posts the changed
 * tables as `idb://<database>/<table>/` keys), which the start listens to without loading Dexie.
 */
const DEXIE_CHANGES_CHANNEL = 'x-storagemutated-1'

/**
 * Calls `onChange` after any committed change to `tables`, in this tab or another, without
 * loading Dexie; returns a function that stops it.
 */
export const watchChanges = (
  tables: readonly ('generations' | 'outbox' | 'meta' | 'thumbnails' | 'drafts')[],
  onChange: () => void
): (() => void) => {
  if (typeof BroadcastChannel === 'undefined') return () => undefined
  const watched = tables.map((table) => `idb://${DB_NAME}/${table}/`)
  const channel = new BroadcastChannel(DEXIE_CHANGES_CHANNEL)
  channel.onmessage = ({ data }: MessageEvent<unknown>) => {
    const parts = data && typeof data === 'object' ? Object.keys(data) : []
    if (parts.some((part) => watched.some((prefix) => part.startsWith(prefix)))) onChange()
  }
  return () => channel.close()
}
