let flushing = false

/**
 * Whether a flush is running in this context (the update prompt waits for it). Kept apart from the
 * sync engine so the app frame can ask without loading IndexedDB code.
 */
export const isFlushing = (): boolean => flushing

/** Set by the sync engine as each flush starts and ends. */
export const setFlushing = (value: boolean): void => {
  flushing = value
}
