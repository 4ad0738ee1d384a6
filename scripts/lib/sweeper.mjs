/** How often `npm start` runs the sweeper; deployed, the cron runs it every minute. */
export const SWEEP_INTERVAL_MS = 15_000

/**
 * `wrangler dev` fires no cron by itself, so without this a generation whose job died (or whose
 * queue message was lost when the process was killed) would wait forever locally. Calls the
 * Worker's scheduled handler through `/__scheduled` (wrangler's `--test-scheduled`) on a timer;
 * a tick that fails (the Worker is restarting) is simply skipped.
 */
export const startSweeperTicker = (origin, intervalMs = SWEEP_INTERVAL_MS) => {
  const tick = () =>
    fetch(`${origin}/__scheduled?cron=${encodeURIComponent('* * * * *')}`)
      .then((res) => res.body?.cancel())
      .catch(() => undefined)
  tick()
  const timer = setInterval(tick, intervalMs)
  return () => clearInterval(timer)
}
