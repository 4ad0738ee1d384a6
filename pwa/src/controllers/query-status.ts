/** Where a live query is; its own module so a host can read it before loading Dexie. */
export const QueryStatus = { PENDING: 'pending', READY: 'ready', ERROR: 'error' } as const
export type QueryStatus = (typeof QueryStatus)[keyof typeof QueryStatus]
