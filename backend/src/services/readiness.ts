import type { ReadinessPart } from '@app/shared-types'

/** What readiness touches: the database and the image bucket. */
export type ReadinessDeps = { d1: D1Database; bucket: R2Bucket }

/** Touches D1 (a table from the migrations) and R2, and returns the parts that failed. */
export const checkReadiness = async (deps: ReadinessDeps): Promise<ReadinessPart[]> => {
  // Async wrappers, so a binding that throws synchronously counts as down rather than escaping.
  const [d1, r2] = await Promise.allSettled([
    (async () => deps.d1.prepare('SELECT count(*) AS n FROM sync_state').first())(),
    (async () => deps.bucket.head('readiness-probe'))(),
  ])
  const failed: ReadinessPart[] = []
  if (d1.status === 'rejected') failed.push('d1')
  if (r2.status === 'rejected') failed.push('r2')
  return failed
}
