import type { LocalUser } from './db.ts'
import { readMeta } from './meta.ts'

/** Who this device believes is signed in, and whether the server has ended that session. */
export interface AuthSnapshot {
  user: LocalUser | null
  /** The server answered 401: the user must sign in again; nothing local was deleted. */
  expired: boolean
}

/** The sign-in state from `meta` (for liveQuery; works offline). */
export const readAuth = async (): Promise<AuthSnapshot> => {
  const [user, authState] = await Promise.all([readMeta('user'), readMeta('authState')])
  return { user: user ?? null, expired: Boolean(user) && authState === 'expired' }
}
