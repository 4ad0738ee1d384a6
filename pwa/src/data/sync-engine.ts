/** What one flush did. */
export interface FlushResult {
  pushed: number
  pulled: number
  /** Set when the flush stopped early (offline, 401, server trouble). */
  stoppedBy?: 'network' | 'unauthenticated' | 'server' | 'locked'
}

/**
 * Pushes the outbox, then pulls by cursor. One flush at a time across tabs and the service worker
 * (a Web Lock); a call while another flush runs waits for it instead of starting a second one.
 */
export const flush = async (): Promise<FlushResult> => {
  throw new Error('not implemented yet')
}

/** Whether a flush is running in this context (the update prompt waits for it). */
export const isFlushing = (): boolean => false

/**
 * Starts the triggers of architecture.md: now, `online`, visibility, `pageshow`, a timer while
 * open, and Background Sync registration. Returns a function that stops them.
 */
export const startSync = (): (() => void) => {
  throw new Error('not implemented yet')
}
