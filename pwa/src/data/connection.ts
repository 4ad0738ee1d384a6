// Whether the app's requests reach the network, apart from the data layer so the offline bar can
// follow it without loading IndexedDB or zod code.

let lost = false
const listeners = new Set<() => void>()

const setLost = (value: boolean): void => {
  if (lost === value) return
  lost = value
  for (const listener of listeners) listener()
}

/**
 * True after a request failed for lack of a network, until one gets an answer or the browser says
 * it is online again. `navigator.onLine` can read true while nothing gets through: on a network
 * without internet, or in a Chromium page whose service worker started while offline.
 */
export const connectionLost = (): boolean => lost

/** Called by the API client with each request's outcome: `reached` when any HTTP answer came. */
export const noteRequestOutcome = (reached: boolean): void => {
  setLost(!reached)
}

/** Calls `listener` whenever `connectionLost()` changes; returns a function that stops it. */
export const onConnectionChange = (listener: () => void): (() => void) => {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

globalThis.addEventListener?.('online', () => setLost(false))
