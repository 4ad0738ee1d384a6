import { liveQuery, type Subscription } from 'dexie'
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { QueryStatus } from './query-status.ts'

export { QueryStatus }

/** Keeps `value` in step with a Dexie live query while the host is connected. */
export class LiveQueryController<T> implements ReactiveController {
  value: T | undefined
  error: unknown
  status: QueryStatus = QueryStatus.PENDING
  private readonly _host: ReactiveControllerHost
  private _querier: () => T | Promise<T>
  private _sub: Subscription | undefined

  /**
   * `initial`, when given, is a value already read (e.g. with the app's start): the host renders
   * it at once, and the live query takes over when it answers.
   */
  constructor(host: ReactiveControllerHost, querier: () => T | Promise<T>, initial?: { value: T }) {
    this._host = host
    this._querier = querier
    if (initial) {
      this.value = initial.value
      this.status = QueryStatus.READY
    }
    host.addController(this)
  }

  /** Takes `value`, read elsewhere in the same state, if the live query has not answered yet. */
  seed(value: T): void {
    if (this.status !== QueryStatus.PENDING) return
    this.value = value
    this.status = QueryStatus.READY
    this._host.requestUpdate()
  }

  /** Replaces the query (its inputs changed) and subscribes again, like `useLiveQuery`'s deps. */
  setQuery(querier: () => T | Promise<T>): void {
    this._querier = querier
    if (this._sub) {
      this.hostDisconnected()
      this.hostConnected()
    }
  }

  hostConnected(): void {
    this._sub = liveQuery(this._querier).subscribe({
      next: (value) => {
        this.value = value
        this.status = QueryStatus.READY
        this._host.requestUpdate()
      },
      error: (error: unknown) => {
        this.error = error
        this.status = QueryStatus.ERROR
        this._host.requestUpdate()
      },
    })
  }

  hostDisconnected(): void {
    this._sub?.unsubscribe()
    this._sub = undefined
  }
}
