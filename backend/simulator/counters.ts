/** Every route the `calls` counter tracks. */
export type CallRoute = 'sync' | 'async_create' | 'task_get' | 'task_cancel' | 'result_get'

/** The counters of `GET /__sim/counters` (docs/dashscope.md §12.10), without the task snapshot. */
export interface Counters {
  calls: Record<CallRoute, number>
  responses_by_status: Record<string, number>
  /** Upstream calls (generation POSTs past auth) by SHA-256 of the canonical body. */
  upstream_calls_by_fingerprint: Record<string, number>
  /** Images actually produced: what a test compares with the credit ledger. */
  billable_images: { total: number; by_model: Record<string, number> }
  /** Per key, the most generations seen in progress at once (sync calls plus unfinished tasks). */
  max_running_seen: Record<string, number>
  /** Answers with `Throttling.RateQuota`, from rate limits or the `rate-limit` fault. */
  throttled: number
  truncated_texts: number
}

/** Fresh, all-zero counters. */
export const createCounters = (): Counters => ({
  calls: { sync: 0, async_create: 0, task_get: 0, task_cancel: 0, result_get: 0 },
  responses_by_status: {},
  upstream_calls_by_fingerprint: {},
  billable_images: { total: 0, by_model: {} },
  max_running_seen: {},
  throttled: 0,
  truncated_texts: 0,
})

/** Adds `by` to one entry of a counter map, creating it at zero. */
export const bump = (record: Record<string, number>, key: string, by = 1): void => {
  record[key] = (record[key] ?? 0) + by
}

/** Counts images that were produced and would be charged for. */
export const addBillable = (counters: Counters, model: string, count: number): void => {
  counters.billable_images.total += count
  bump(counters.billable_images.by_model, model, count)
}
