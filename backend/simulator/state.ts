import { setTimeout as delay } from 'node:timers/promises'
import { CallLog } from './calls-log.ts'
import { type ClockMode, SimClock } from './clock.ts'
import type { SimConfig } from './config.ts'
import { type Counters, createCounters } from './counters.ts'
import { FaultQueue } from './fault-queue.ts'
import { finishTask } from './generation.ts'
import { RateWindows } from './rate-limits.ts'
import { ResultStore } from './results.ts'
import { type TaskStatus, TaskStore } from './tasks.ts'

/** Everything a running simulator knows; handed to every route and exposed to in-process tests. */
export class SimState {
  config: SimConfig
  counters: Counters = createCounters()
  readonly clock: SimClock
  readonly tasks: TaskStore
  readonly results = new ResultStore()
  readonly faults = new FaultQueue()
  readonly rates = new RateWindows()
  readonly calls = new CallLog()
  /** Sync calls being worked on right now, by API key. */
  readonly syncInFlight = new Map<string, number>()
  /** The simulator's own origin, known once it listens. */
  origin = ''
  private readonly _closing = new AbortController()

  constructor(config: SimConfig, clockMode: ClockMode) {
    this.config = config
    this.clock = new SimClock(clockMode)
    this.tasks = new TaskStore((task, at) => finishTask(this, task, at))
  }

  /** Moves every task forward to the current simulator time. */
  advance(): void {
    this.tasks.advance(this.clock.now(), this.config.max_running_per_key)
  }

  /** `POST /__sim/reset`: tasks, results, counters, faults, rate windows, call log, real clock. */
  reset(): void {
    this.tasks.clear()
    this.results.clear()
    this.counters = createCounters()
    this.faults.clear()
    this.rates.clear()
    this.calls.clear()
    this.clock.reset()
  }

  /** Where result URLs point: `public_base` when set, else the simulator itself. */
  resultOrigin(): string {
    return (this.config.public_base ?? this.origin).replace(/\/+$/, '')
  }

  /** Records the current number of generations in progress for `key` in `max_running_seen`. */
  noteInProgress(key: string): void {
    const level = (this.syncInFlight.get(key) ?? 0) + this.tasks.unfinished(key)
    this.counters.max_running_seen[key] = Math.max(this.counters.max_running_seen[key] ?? 0, level)
  }

  /** The counters of `GET /__sim/counters`, with the live task snapshot. */
  countersSnapshot(): Counters & { tasks_by_status: Record<TaskStatus, number> } {
    return { ...this.counters, tasks_by_status: this.tasks.countByStatus() }
  }

  /** Waits `ms` of wall time, cut short (by throwing) when the simulator shuts down. */
  sleep(ms: number): Promise<void> {
    return delay(ms, undefined, { signal: this._closing.signal })
  }

  get closing(): boolean {
    return this._closing.signal.aborted
  }

  /** Stops every pending wait so that `close()` does not linger on slow or sync calls. */
  shutdown(): void {
    this._closing.abort()
  }
}
