import { AsyncLocalStorage } from 'node:async_hooks'

const RUNS = new Set<PropertyKey>(['first', 'all', 'run', 'raw'])

/**
 * The binding, calling `onTrip` on each round trip to D1: a statement run on its own, a `batch`
 * or an `exec`. On the deployed product each trip may cross regions, so this is the count that
 * decides a request's latency.
 */
export const onD1Trip = (d1: D1Database, onTrip: () => void): D1Database => {
  const unwrapped = new WeakMap<object, D1PreparedStatement>()
  const statement = (real: D1PreparedStatement): D1PreparedStatement => {
    const wrapped = new Proxy(real, {
      get(target, prop) {
        if (prop === 'bind') return (...values: unknown[]) => statement(target.bind(...values))
        const value = Reflect.get(target, prop, target)
        if (typeof value !== 'function') return value
        return (...args: unknown[]) => {
          if (RUNS.has(prop)) onTrip()
          return value.apply(target, args)
        }
      },
    })
    unwrapped.set(wrapped, real)
    return wrapped
  }
  return new Proxy(d1, {
    get(target, prop) {
      if (prop === 'prepare') return (query: string) => statement(target.prepare(query))
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          onTrip()
          return target.batch(statements.map((s) => unwrapped.get(s) ?? s))
        }
      }
      const value = Reflect.get(target, prop, target)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        if (prop === 'exec') onTrip()
        return value.apply(target, args)
      }
    },
  })
}

const requestTrips = new AsyncLocalStorage<{ trips: number }>()
const counted = new WeakMap<D1Database, D1Database>()

/**
 * The binding, adding each round trip to the count of the request it serves. The count follows
 * the request rather than the binding because better-auth's instance outlives the request that
 * built it (lib/auth.ts `authFor`).
 */
export const countedD1 = (d1: D1Database): D1Database => {
  let wrapped = counted.get(d1)
  if (!wrapped) {
    wrapped = onD1Trip(d1, () => {
      const tally = requestTrips.getStore()
      if (tally) tally.trips++
    })
    counted.set(d1, wrapped)
  }
  return wrapped
}

/** Runs `serve` and answers how many D1 round trips it made through `countedD1` bindings. */
export const countD1Trips = async (serve: () => Promise<void>): Promise<number> => {
  const tally = { trips: 0 }
  await requestTrips.run(tally, serve)
  return tally.trips
}
