import { DB_NAME } from './db-name.ts'

// IndexedDB without Dexie, for the app's start (history-start.ts): the first cards draw before
// Dexie has loaded.

/** The result of `request`, as a promise. */
export const settled = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })

/** The app's database as it stands; never made or upgraded here (Dexie owns its schema). */
export const openExisting = (): Promise<IDBDatabase> =>
  new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME)
    request.onupgradeneeded = () => request.transaction?.abort()
    request.onsuccess = () => {
      const database = request.result
      // A newer version (Dexie upgrading in another tab) is never held up by this read.
      database.onversionchange = () => database.close()
      resolve(database)
    }
    request.onerror = () => reject(request.error)
    request.onblocked = () => reject(new Error('The database is being upgraded'))
  })
