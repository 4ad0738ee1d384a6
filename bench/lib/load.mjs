import { quantile } from './stats.mjs'

/**
 * Sends requests from `connections` concurrent loops for `durationMs`. `request(i)` returns
 * `[url, init]`; each response body is read to the end. Returns the raw samples, for `summarize`.
 */
export const runLoad = async ({ request, connections, durationMs }) => {
  const latencies = []
  const statuses = {}
  let sent = 0
  let failures = 0
  const started = performance.now()
  const deadline = started + durationMs
  const loop = async () => {
    while (performance.now() < deadline) {
      const [url, init] = request(sent++)
      const t0 = performance.now()
      try {
        const res = await fetch(url, init)
        await res.arrayBuffer()
        latencies.push(performance.now() - t0)
        statuses[res.status] = (statuses[res.status] ?? 0) + 1
      } catch {
        failures++
      }
    }
  }
  await Promise.all(Array.from({ length: connections }, loop))
  return { latencies, statuses, failures, seconds: (performance.now() - started) / 1000 }
}

/** Several `runLoad` samples of one endpoint as p50/p99 (ms), requests/s and status counts. */
export const summarize = (samples) => {
  const latencies = samples.flatMap((s) => s.latencies)
  const statuses = {}
  for (const s of samples) {
    for (const [status, n] of Object.entries(s.statuses))
      statuses[status] = (statuses[status] ?? 0) + n
  }
  const seconds = samples.reduce((t, s) => t + s.seconds, 0)
  return {
    count: latencies.length,
    failures: samples.reduce((t, s) => t + s.failures, 0),
    statuses,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    rps: latencies.length / seconds,
  }
}

/** `{ '200': 10 }` as `200×10`. */
export const statusText = (statuses) =>
  Object.entries(statuses)
    .map(([status, n]) => `${status}×${n}`)
    .join(', ')
