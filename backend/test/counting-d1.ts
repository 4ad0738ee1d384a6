const RUNS = new Set<PropertyKey>(['first', 'all', 'run', 'raw'])

/**
 * The D1 binding with a count of its round trips: each statement run on its own, each `batch` and
 * each `exec` is one. Tests hand it to the app in place of `env.DB` to assert how many trips a
 * request makes.
 */
export const countingD1 = (d1: D1Database) => {
  let trips = 0
  const unwrapped = new WeakMap<object, D1PreparedStatement>()
  const statement = (real: D1PreparedStatement): D1PreparedStatement => {
    const wrapped = new Proxy(real, {
      get(target, prop) {
        if (prop === 'bind') {
          return (...values: unknown[]) => statement(target.bind(...values))
        }
        const value = Reflect.get(target, prop, target)
        if (typeof value !== 'function') return value
        return (...args: unknown[]) => {
          if (RUNS.has(prop)) trips++
          return value.apply(target, args)
        }
      },
    })
    unwrapped.set(wrapped, real)
    return wrapped
  }
  const db = new Proxy(d1, {
    get(target, prop) {
      if (prop === 'prepare') return (query: string) => statement(target.prepare(query))
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          trips++
          return target.batch(statements.map((s) => unwrapped.get(s) ?? s))
        }
      }
      const value = Reflect.get(target, prop, target)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        if (prop === 'exec') trips++
        return value.apply(target, args)
      }
    },
  })
  return {
    db,
    /** Round trips since the last call, which starts a new count. */
    take: () => {
      const n = trips
      trips = 0
      return n
    },
  }
}
