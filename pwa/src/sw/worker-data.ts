// What the service worker needs Dexie for, built as its own classic script (see
// build/worker-data-plugin.ts) so a worker start that only serves the shell never parses it.
export { syncOutbox } from './outbox-sync.ts'
export { receiveShare } from './share-target.ts'
