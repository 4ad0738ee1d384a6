/** First retry waits up to this long; each further attempt doubles the ceiling. */
export const BACKOFF_BASE_MS = 2_000
/** No retry waits longer than this (docs/architecture.md §7). */
export const BACKOFF_CAP_MS = 60_000

/**
 * Exponential backoff with full jitter (a random wait between 0 and the ceiling), so tabs and
 * devices that failed together do not retry together. A server's `Retry-After` is a floor.
 */
export const backoffDelay = (
  attempts: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random
): number => {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1))
  return Math.max(Math.floor(random() * ceiling), retryAfterMs ?? 0)
}
