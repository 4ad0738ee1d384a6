/** The Web Lock every tab and the service worker take to flush. */
export const FLUSH_LOCK = 'addreams-flush'

/**
 * Runs `task` while holding the Web Lock `name`, shared by every tab and the service worker.
 * Where the browser has no Web Locks, it runs at once: the caller's own single flight still holds.
 */
export const withWebLock = async <T>(name: string, task: () => Promise<T>): Promise<T> => {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks
  if (!locks) return task()
  return (await locks.request(name, task)) as T
}
