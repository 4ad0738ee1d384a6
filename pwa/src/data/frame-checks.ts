import { DB_NAME } from './db-name.ts'
import { TIMEOUTS } from './timeouts.ts'

// What the app frame checks before it loads the data layer, with no IndexedDB or zod code, so a
// first visit to a public page needs neither.

/**
 * Whether this browser may hold the app's data: false only when it surely holds none (its
 * database was never made). Where the browser cannot list its databases, the answer is true.
 */
export const mayHaveLocalData = async (): Promise<boolean> => {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return true
  try {
    return (await indexedDB.databases()).some((database) => database.name === DB_NAME)
  } catch {
    return true
  }
}

/**
 * Whether the server has a session for this browser (better-auth answers `null` without one).
 * Only asked when nothing is stored here, e.g. after the browser cleared the site's storage but
 * kept its cookie; any failure, a timeout included, counts as no.
 */
export const hasServerSession = async (): Promise<boolean> => {
  const controller = new AbortController()
  const deadline = setTimeout(() => controller.abort(), TIMEOUTS.json)
  try {
    const res = await fetch('/api/auth/get-session', {
      headers: { accept: 'application/json' },
      signal: controller.signal,
    })
    return res.ok && (await res.json()) !== null
  } catch {
    return false
  } finally {
    clearTimeout(deadline)
  }
}
