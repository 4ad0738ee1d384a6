// What History reads once its first cards are on screen, in one module loaded then (through
// history-reads.ts), and with it Dexie: the first cards come from the start's read instead.
export { historyItems, historyView } from './history.ts'
export { onLocalChange } from './local-changes.ts'
export { readMeta } from './meta.ts'
export { readSyncProgress } from './sync-progress.ts'
export { thumbnailUrls } from './thumbnail-urls.ts'
