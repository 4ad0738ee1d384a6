import { flushReconnected } from '../data/sync-engine.ts'

/**
 * What the service worker does on Background Sync's `sync` event, which the browser fires once it
 * is back online: what the page does on `online`, since no page may be open to do it. A throw
 * while still offline makes the browser fire the event again later.
 */
export const syncOutbox = async (): Promise<void> => {
  const result = await flushReconnected()
  if (result.stoppedBy === 'network') throw new Error('Still offline')
}
