import { type LedgerPage, ledgerPageSchema, type Profile, profileSchema } from '@app/shared-types'
import * as z from 'zod'
import { ApiClientError, apiFetch, apiJson } from './api.ts'
import { markSessionExpired } from './auth-state.ts'
import { readMeta, writeMeta } from './meta.ts'
import { wipeLocalData } from './session.ts'

/** Credit history rows per "Load more". */
export const LEDGER_PAGE_SIZE = 20

/** The profile as this device last saw it, with the time the server sent it. */
export interface KnownProfile {
  profile: Profile
  /** ISO time of the balances shown (the latest of `/api/me` and the last sync). */
  at: string
}

/**
 * Runs a call that needs the session; a 401 marks the session expired (docs/product.md §9.7) and
 * rethrows.
 */
export const needsSession = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call()
  } catch (error) {
    if (error instanceof ApiClientError && error.code === 'UNAUTHENTICATED') {
      await markSessionExpired()
    }
    throw error
  }
}

/**
 * `GET /api/me`: fetches the profile, stores it (and its balances, with the time) as the last
 * known values for offline use, and returns it.
 */
export const loadProfile = async (): Promise<Profile> => {
  const profile = await needsSession(() => apiJson('/api/me', profileSchema))
  await writeMeta('profile', profile)
  await writeMeta('balances', { balances: profile.balances, at: new Date().toISOString() })
  return profile
}

/** The last known profile with the newest known balances (for liveQuery; works offline). */
export const readProfile = async (): Promise<KnownProfile | undefined> => {
  const [profile, balances] = await Promise.all([readMeta('profile'), readMeta('balances')])
  if (!profile) return undefined
  if (!balances) return { profile, at: new Date(0).toISOString() }
  return { profile: { ...profile, balances: balances.balances }, at: balances.at }
}

/** One page of the credit history, newest first; pass the previous page's `nextCursor`. */
export const loadLedgerPage = async (cursor?: string | null): Promise<LedgerPage> => {
  const query = new URLSearchParams({ limit: String(LEDGER_PAGE_SIZE) })
  if (cursor) query.set('cursor', cursor)
  return needsSession(() => apiJson(`/api/credits/ledger?${query}`, ledgerPageSchema))
}

const sessionRowSchema = z.object({
  id: z.string(),
  token: z.string(),
  userAgent: z.string().nullish(),
  createdAt: z.coerce.date(),
  updatedAt: z.coerce.date(),
})

const currentSessionSchema = z.object({ session: z.object({ token: z.string() }) }).nullable()

/** One signed-in device, as the profile lists it. */
export interface DeviceSession {
  token: string
  userAgent: string
  createdAt: Date
  lastActiveAt: Date
  /** The session of this browser. */
  current: boolean
}

/** The user's active sessions (better-auth), the current one first, then most recently active. */
export const listSessions = async (): Promise<DeviceSession[]> => {
  const [rows, current] = await needsSession(() =>
    Promise.all([
      apiJson('/api/auth/list-sessions', z.array(sessionRowSchema)),
      apiJson('/api/auth/get-session', currentSessionSchema),
    ])
  )
  return rows
    .map((row) => ({
      token: row.token,
      userAgent: row.userAgent ?? '',
      createdAt: row.createdAt,
      lastActiveAt: row.updatedAt,
      current: row.token === current?.session.token,
    }))
    .sort(
      (a, b) =>
        Number(b.current) - Number(a.current) || b.lastActiveAt.getTime() - a.lastActiveAt.getTime()
    )
}

const postAuth = async (path: string, json: unknown): Promise<void> => {
  await apiFetch(`/api/auth/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(json),
  })
}

/** Signs out one other device by its session token. */
export const revokeSession = (token: string): Promise<void> => postAuth('revoke-session', { token })

/** Signs out every device but this one. */
export const revokeOtherSessions = (): Promise<void> => postAuth('revoke-other-sessions', {})

/**
 * Changes the password; the other devices are signed out (the server insists too). A wrong
 * current password throws `ApiClientError` with `authCode` `INVALID_PASSWORD`.
 */
export const changePassword = (currentPassword: string, newPassword: string): Promise<void> =>
  postAuth('change-password', { currentPassword, newPassword, revokeOtherSessions: true })

/**
 * Deletes the account on the server, then every local trace of it. Without a password (social-only
 * accounts) the server needs a recent sign-in and otherwise refuses with `SESSION_EXPIRED`.
 */
export const deleteAccount = async (password?: string): Promise<void> => {
  await postAuth('delete-user', password ? { password } : {})
  await wipeLocalData()
}

/** Whether the account can sign in with a password (social-only accounts cannot). */
export const hasPassword = async (): Promise<boolean> => {
  const accounts = await apiJson(
    '/api/auth/list-accounts',
    z.array(z.object({ providerId: z.string() }))
  )
  return accounts.some((account) => account.providerId === 'credential')
}
