import type { FaultPlan } from './fault-plan.ts'
import type { ImageJob } from './generation.ts'

/** The states a stored task can be in; `UNKNOWN` is only ever computed, never stored. */
export type TaskStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELED'

/** Task data is kept, and queryable, for 24 h after submission (docs/dashscope.md §6.2). */
export const TASK_LIFETIME_MS = 24 * 60 * 60 * 1000

/** One item of `output.results`: a delivered image or a failed one. */
export type TaskResult = { url: string } | { code: string; message: string }

/** An async task and everything needed to finish it later. */
export interface SimTask {
  id: string
  key: string
  requestId: string
  job: ImageJob
  n: number
  /** The rewritten prompt reported when `prompt_extend` is on. */
  actualPrompt: string | null
  plan: FaultPlan
  pendingMs: number
  runningMs: number
  submitAt: number
  scheduledAt: number | null
  endAt: number | null
  status: TaskStatus
  error: { code: string; message: string } | null
  results: TaskResult[]
  imageCount: number
}

type Event = { at: number; apply: () => void }

/** The async state machine of docs/dashscope.md §6.4, advanced lazily to the simulator clock. */
export class TaskStore {
  private _tasks = new Map<string, SimTask>()
  private readonly _finish: (task: SimTask, at: number) => void

  /** `finish` turns a task that ran its course into `SUCCEEDED` or `FAILED`. */
  constructor(finish: (task: SimTask, at: number) => void) {
    this._finish = finish
  }

  add(task: SimTask): void {
    this._tasks.set(task.id, task)
  }

  /** The task, or undefined when it was never issued, has expired, or belongs to another key. */
  get(id: string, key: string): SimTask | undefined {
    const task = this._tasks.get(id)
    return task?.key === key ? task : undefined
  }

  list(): SimTask[] {
    return [...this._tasks.values()]
  }

  /** Tasks of `key` still in progress (`PENDING` or `RUNNING`). */
  unfinished(key: string): number {
    return this.list().filter(
      (t) => t.key === key && (t.status === 'PENDING' || t.status === 'RUNNING')
    ).length
  }

  countByStatus(): Record<TaskStatus, number> {
    const counts = { PENDING: 0, RUNNING: 0, SUCCEEDED: 0, FAILED: 0, CANCELED: 0 }
    for (const task of this._tasks.values()) counts[task.status] += 1
    return counts
  }

  clear(): void {
    this._tasks.clear()
  }

  /**
   * Replays every transition due up to `now` in time order, so a big clock jump gives the same
   * timestamps as small steps would: a queued task starts exactly when a slot frees up.
   */
  advance(now: number, slots: number): void {
    let event = this._next(now, slots, Number.NEGATIVE_INFINITY)
    while (event) {
      event.apply()
      event = this._next(now, slots, event.at)
    }
    for (const [id, task] of this._tasks) {
      if (now >= task.submitAt + TASK_LIFETIME_MS) this._tasks.delete(id)
    }
  }

  private _next(now: number, slots: number, cursor: number): Event | undefined {
    const running = new Map<string, number>()
    for (const task of this._tasks.values()) {
      if (task.status === 'RUNNING') running.set(task.key, (running.get(task.key) ?? 0) + 1)
    }
    let next: Event | undefined
    for (const task of this._tasks.values()) {
      const event = this._eventOf(task, slots - (running.get(task.key) ?? 0), cursor)
      if (event && event.at <= now && (!next || event.at < next.at)) next = event
    }
    return next
  }

  private _eventOf(task: SimTask, freeSlots: number, cursor: number): Event | undefined {
    if (task.status === 'RUNNING' && task.plan.stuck) {
      // A stuck task holds its slot until its data expires.
      const at = task.submitAt + TASK_LIFETIME_MS
      return { at, apply: () => this._tasks.delete(task.id) }
    }
    if (task.status === 'RUNNING') {
      const at = (task.scheduledAt ?? task.submitAt) + task.runningMs
      return { at, apply: () => this._finish(task, at) }
    }
    if (task.status === 'PENDING' && freeSlots > 0) {
      const at = Math.max(task.submitAt + task.pendingMs, cursor)
      return {
        at,
        apply: () => {
          task.status = 'RUNNING'
          task.scheduledAt = at
        },
      }
    }
    return undefined
  }
}
