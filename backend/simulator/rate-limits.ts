/** Sliding-window rate limits on the simulator clock, keyed by any string (key, key+model, …). */
export class RateWindows {
  private _hits = new Map<string, number[]>()

  /** Records a hit and returns true, or returns false (no hit) when `limit` are already in the window. */
  tryHit(bucket: string, now: number, limit: number, windowMs: number): boolean {
    const recent = (this._hits.get(bucket) ?? []).filter((at) => at > now - windowMs && at <= now)
    const allowed = recent.length < limit
    if (allowed) recent.push(now)
    this._hits.set(bucket, recent)
    return allowed
  }

  clear(): void {
    this._hits.clear()
  }
}
