import type { ReactiveControllerHost } from 'lit'
import type { LiveQueryController } from './live-query-controller.ts'
import { QueryStatus } from './query-status.ts'

/**
 * A live query over a source that loads later (History's queries, and Dexie with them), for views
 * that draw before it has: until then `value` is `initial` (a value read with the start), or
 * pending. Once the source has loaded, a LiveQueryController keeps `value` in step.
 */
export class DeferredQueryController<S, T> {
  private _live: LiveQueryController<T> | undefined
  private _source: S | undefined
  private _initial: { value: T } | undefined
  private _failed = false

  constructor(
    host: ReactiveControllerHost,
    source: Promise<S>,
    private _query: (source: S) => T | Promise<T>,
    initial?: { value: T }
  ) {
    this._initial = initial
    // The controller module brings Dexie, so it is asked for only once the source has loaded.
    source
      .then(async (loaded) => ({ loaded, ...(await import('./live-query-controller.ts')) }))
      .then(
        ({ loaded, LiveQueryController }) => {
          this._source = loaded
          this._live = new LiveQueryController(host, () => this._query(loaded), this._initial)
        },
        (error: unknown) => {
          console.error(error)
          this._failed = true
          host.requestUpdate()
        }
      )
  }

  get value(): T | undefined {
    return this._live ? this._live.value : this._initial?.value
  }

  get status(): QueryStatus {
    if (this._live) return this._live.status
    if (this._failed) return QueryStatus.ERROR
    return this._initial ? QueryStatus.READY : QueryStatus.PENDING
  }

  /** Replaces the query (its inputs changed); a value read for the old one is no longer shown. */
  setQuery(query: (source: S) => T | Promise<T>): void {
    this._query = query
    this._initial = undefined
    const source = this._source
    if (this._live && source !== undefined) this._live.setQuery(() => query(source))
  }
}
