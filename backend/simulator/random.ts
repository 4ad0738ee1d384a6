/** A deterministic stream of numbers in [0, 1). */
export type Random = () => number

/**
 * Seeds a stream from the first bytes of `digest` (mulberry32): the same digest, the same picture,
 * on every run and machine, which `Math.random` could not give.
 */
export const randomFrom = (digest: Uint8Array, salt = 0): Random => {
  let state = (digest[0] | (digest[1] << 8) | (digest[2] << 16) | (digest[3] << 24)) ^ salt
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** A number in [low, high). */
export const between = (random: Random, low: number, high: number): number =>
  low + (high - low) * random()

/** One item of a non-empty list. */
export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T
