import {
  type Fault,
  faultAppliesTo,
  formatFault,
  isGenerationRoute,
  type ServiceRoute,
} from './faults.ts'

/** Which calls a queued fault waits for; an omitted route means the generation calls. */
export interface FaultMatch {
  route?: ServiceRoute
  model?: string
}

interface QueuedFault {
  fault: Fault
  times: number
  match: FaultMatch
}

/**
 * The fault queue of `POST /__sim/faults`: matching calls take faults in order
 * (docs/dashscope.md §12.9).
 */
export class FaultQueue {
  private _items: QueuedFault[] = []

  add(fault: Fault, times: number, match: FaultMatch): void {
    this._items.push({ fault, times, match })
  }

  clear(): void {
    this._items = []
  }

  /** The queue as JSON for `GET /__sim/faults`. */
  list(): { fault: string; times: number; match: FaultMatch }[] {
    return this._items.map((item) => ({ ...item, fault: formatFault(item.fault) }))
  }

  /** Takes the first fault that matches this call and has a meaning on its route. */
  take(route: ServiceRoute, model: string | undefined): Fault | undefined {
    const index = this._items.findIndex(
      ({ fault, match }) =>
        faultAppliesTo(fault, route) &&
        (match.route === undefined ? isGenerationRoute(route) : match.route === route) &&
        (match.model === undefined || match.model === model)
    )
    const item = this._items[index]
    if (!item) return undefined
    item.times -= 1
    if (item.times <= 0) this._items.splice(index, 1)
    return item.fault
  }
}
