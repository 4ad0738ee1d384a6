import type { AuthSnapshot } from './auth-snapshot.ts'
import { DB_NAME } from './db-name.ts'
import { TIMEOUTS } from './timeouts.ts'

// What the app frame checks before it loads the data layer, with no IndexedDB or zod code, so a
// first visit to a public page needs neither.

/** The sign-in state of a device that stores none, or whose stored state cannot be read. */
export const SIGNED_OUT: AuthSnapshot = { user: null, expired: false }

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

/** How long the session `hasServerSession` found may stand in for asking again. */
const FOUND_SESSION_FRESH_MS = 5_000

let found: { body: unknown; at: number } | undefined

/**
 * Whether the server has a session for this browser (better-auth answers `null` without one).
 * Only asked when nothing is stored here, e.g. after the browser cleared the site's storage but
 * kept its cookie; any failure, a timeout included, counts as no. A session it finds is kept for
 * the session check that follows (`takeFoundSession`), so the start asks the server once.
 */
export const hasServerSession = async (): Promise<boolean> => {
  const controller = new AbortController()
  const deadline = setTimeout(() => controller.abort(), TIMEOUTS.json)
  try {
    const res = await fetch('/api/auth/get-session', {
      headers: { accept: 'application/json' },
      signal: controller.signal,
    })
    const body: unknown = res.ok ? await res.json() : null
    if (body !== null) found = { body, at: Date.now() }
    return body !== null
  } catch {
    return false
  } finally {
    clearTimeout(deadline)
  }
}

/** The session answer `hasServerSession` just found, once; undefined when there is none or it is old. */
export const takeFoundSession = (): unknown => {
  const taken = found
  found = undefined
  return taken && Date.now() - taken.at < FOUND_SESSION_FRESH_MS ? taken.body : undefined
}
