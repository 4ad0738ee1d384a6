import { DB_NAME } from './db-name.ts'
import { mayHaveLocalData } from './frame-checks.ts'

// IndexedDB without Dexie, for the app's start (history-start.ts): the first cards draw before
// Dexie has loaded.

/** The result of `request`, as a promise. */
export const settled = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })

/**
 * Set in localStorage once the start has found the database here: with it, the start opens the
 * database at once; without it (a new browser), it first asks whether there is one, since opening
 * one that is not there makes it, and taking that back costs more than asking.
 */
const STORED_HINT = 'addreams:database-found'

const hinted = (): boolean => {
  try {
    return localStorage.getItem(STORED_HINT) === '1'
  } catch {
    return false
  }
}

const hint = (found: boolean): void => {
  try {
    if (found) localStorage.setItem(STORED_HINT, '1')
    else localStorage.removeItem(STORED_HINT)
  } catch {
    // Storage refused: the next start asks again.
  }
}

const open = (): Promise<IDBDatabase> =>
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

/**
 * The app's database as it stands; never made or upgraded here (Dexie owns its schema). Fails
 * when the browser holds none.
 */
export const openExisting = async (): Promise<IDBDatabase> => {
  if (!hinted() && !(await mayHaveLocalData())) throw new Error('No database on this device')
  try {
    const database = await open()
    hint(true)
    return database
  } catch (error) {
    hint(false)
    throw error
  }
}
