/**
 * How long a call may take, in ms, by kind: the answer and its body both. Generous, since a
 * phone's connection can be slow; the point is that no call waits forever.
 */
export const TIMEOUTS = {
  /** JSON reads and writes, sign-in and sign-out included. */
  json: 15_000,
  /** One image's bytes (up to a few MB). */
  image: 60_000,
  /** A generation with its photos (up to 3 × 10 MB) over a slow uplink. */
  upload: 180_000,
} as const
