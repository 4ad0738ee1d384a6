import { onD1Trip } from '../src/db/d1-trips.ts'

/**
 * The D1 binding with a count of its round trips, which tests hand to the app in place of
 * `env.DB` to assert how many trips a request makes.
 */
export const countingD1 = (d1: D1Database) => {
  let trips = 0
  return {
    db: onD1Trip(d1, () => {
      trips++
    }),
    /** Round trips since the last call, which starts a new count. */
    take: () => {
      const n = trips
      trips = 0
      return n
    },
  }
}
