/** How long a tab that paints no frame (hidden) waits before the work meant for after a paint. */
const HIDDEN_PAINT_WAIT_MS = 500

/**
 * Resolves after the next frame has painted, or soon in a hidden tab, which paints none: work
 * that can wait (loading Dexie, the sync engine) starts after the first cards are on screen.
 */
export const afterPaint = (): Promise<void> =>
  new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0))
    setTimeout(resolve, HIDDEN_PAINT_WAIT_MS)
  })
