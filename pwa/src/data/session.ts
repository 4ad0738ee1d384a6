import type { SocialProvider } from '@app/shared-types'
// zod/mini: the start checks the session before History's first paint, and the classic build
// would more than double what that start loads.
import * as z from 'zod/mini'
import { ApiClientError, apiFetch, apiJson } from './api.ts'
import { markSessionExpired, resumeOutbox } from './auth-state.ts'
import { db, type LocalUser } from './db.ts'
import { takeFoundSession } from './frame-checks.ts'
import { forgetHistoryStart } from './history-start.ts'
import { deleteImageCache } from './image-cache.ts'
import { readMeta, writeMeta } from './meta.ts'
import { forgetThumbnailUrls } from './thumbnail-urls.ts'
import { FLUSH_LOCK, withWebLock } from './web-lock.ts'

const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.optional(z.boolean()),
})
const withUserSchema = z.object({ user: userSchema })
const sessionSchema = z.nullable(z.object({ session: z.unknown(), user: userSchema }))
const socialSchema = z.object({ url: z.string() })

const toLocalUser = ({
  id,
  name,
  email,
  emailVerified,
}: z.infer<typeof userSchema>): LocalUser => ({
  id,
  name,
  email,
  emailVerified,
})

/**
 * Makes `user` the device's user: a different user than the stored one wipes the previous one's
 * data first (but not the config). Then paused requests resume and a flush starts. The config is
 * stored on after this returns: a new browser's start, which waits for the user, need not also
 * wait for the config's schema and request.
 */
const adoptUser = async (user: LocalUser): Promise<LocalUser> => {
  // The studios cannot build a request without the public config. Every signed-in device passes
  // here online (sign-in, sign-up, each session check), so storing it here lets a device queue
  // from both studios offline from its first sign-in on, not only from a studio it once opened.
  // Not defaults built into the app: each workflow's model is the deployment's configuration, and
  // a build's guess could queue requests the server then refuses.
  // Loaded here, not at start: the config's schema needs the classic zod build.
  void import('./config.ts').then(({ storeConfig }) => storeConfig()).catch(() => undefined)
  // The first pull need not wait for the config; the sync engine loads while the user is stored.
  const engine = import('./sync-engine.ts')
  engine.catch(() => undefined)
  const stored = await readUser()
  if (stored && stored.id !== user.id) await wipeLocalData()
  await db.meta.delete('signOutPending')
  await writeMeta('user', user)
  await resumeOutbox()
  await engine.then(({ requestFlush }) => requestFlush()).catch(() => undefined)
  return user
}

/** Who this device believes is signed in, from `meta` (works offline). */
export const readUser = async (): Promise<LocalUser | null> => (await readMeta('user')) ?? null

/** The session check under way, if any: the frame's start and its guard share one request. */
let sessionCheck: Promise<LocalUser | null> | undefined

/**
 * Asks the server who is signed in. A different user than the stored one wipes the previous
 * user's local data first; a network failure keeps the stored user. A 401 marks the session
 * expired (the outbox pauses) but deletes nothing. A call while one is under way joins it.
 */
export const refreshSession = (): Promise<LocalUser | null> => {
  sessionCheck ??= checkSession().finally(() => {
    sessionCheck = undefined
  })
  return sessionCheck
}

const checkSession = async (): Promise<LocalUser | null> => {
  if (await readMeta('signOutPending')) {
    // The app may have closed in the middle of the sign-out: the wipe is finished too.
    await wipeLocalData()
    await finishServerSignOut()
    return null
  }
  let session: z.infer<typeof sessionSchema>
  try {
    const found = takeFoundSession()
    session =
      found === undefined
        ? await apiJson('/api/auth/get-session', sessionSchema)
        : sessionSchema.parse(found)
  } catch (error) {
    if (error instanceof ApiClientError && error.code === 'UNAUTHENTICATED') {
      if (await readUser()) await markSessionExpired()
      return null
    }
    return readUser()
  }
  if (session) return adoptUser(toLocalUser(session.user))
  if (await readUser()) await markSessionExpired()
  return null
}

/** Email sign-in; throws `ApiClientError` (better-auth's code in `authCode`). */
export const signIn = async (input: { email: string; password: string }): Promise<LocalUser> => {
  await settleSignOut()
  const { user } = await apiJson('/api/auth/sign-in/email', withUserSchema, {
    method: 'POST',
    json: input,
  })
  return adoptUser(toLocalUser(user))
}

/**
 * Creates the account and signs in. The server emails a verification link that comes back to
 * `callbackPath` (a same-origin path), signed in and verified.
 */
export const signUp = async (
  input: { name: string; email: string; password: string },
  callbackPath = '/history'
): Promise<LocalUser> => {
  await settleSignOut()
  const { user } = await apiJson('/api/auth/sign-up/email', withUserSchema, {
    method: 'POST',
    json: { ...input, callbackURL: callbackPath },
  })
  return adoptUser(toLocalUser(user))
}

/** Signs in with the answer of a passkey ceremony (data/passkeys.ts); the server sets the cookie. */
export const adoptSignedInUser = async (answer: unknown): Promise<LocalUser> =>
  adoptUser(toLocalUser(withUserSchema.parse(answer).user))

/**
 * The provider's sign-in URL; the page then goes there. Both paths are same-origin: the provider
 * comes back to `callbackPath` signed in, or to `errorPath` with `?error=<code>` (e.g. the user
 * canceled consent), instead of better-auth's own error page.
 */
export const socialSignInUrl = async (
  provider: SocialProvider,
  callbackPath: string,
  errorPath: string
): Promise<string> => {
  await settleSignOut()
  const { url } = await apiJson('/api/auth/sign-in/social', socialSchema, {
    method: 'POST',
    json: { provider, callbackURL: callbackPath, errorCallbackURL: errorPath },
  })
  return url
}

/** The sign-out request under way, if any. */
let serverSignOut: Promise<boolean> | undefined

/**
 * Removes every local trace of the user at once, then ends the server session without waiting
 * for it: no network, however slow, keeps private data on the device. Until the server has
 * ended it, `signOutPending` stays, and the next session check finishes it.
 */
export const signOut = async (): Promise<void> => {
  await db.meta.bulkPut([
    { key: 'authState', value: 'signed-out' },
    { key: 'signOutPending', value: true },
  ])
  // Not behind the flush lock, which a sync waiting on the network may hold for a while.
  await clearLocalData()
  void finishServerSignOut()
  void wipeAfterSync()
}

/** Ends the server session; false when the server could not be reached or could not do it. */
const endServerSession = async (): Promise<boolean> => {
  try {
    await apiFetch('/api/auth/sign-out', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
  } catch (error) {
    if (!(error instanceof ApiClientError) || error.retryable) return false
    // A refusal such as 401 means the server holds no session for this cookie any more.
  }
  await db.meta.delete('signOutPending')
  return true
}

/** Ends the server session, joining the request already under way if there is one. */
const finishServerSignOut = (): Promise<boolean> => {
  serverSignOut ??= endServerSession().finally(() => {
    serverSignOut = undefined
  })
  return serverSignOut
}

/**
 * Before a new sign-in, the last sign-out reaches the server: its answer clears the session
 * cookie, and must not clear the new one.
 */
export const settleSignOut = async (): Promise<void> => {
  if (await readMeta('signOutPending')) await finishServerSignOut()
}

/**
 * Once no sync runs, wipes again what one under way at sign-out wrote back (it read the server
 * before the sign-out), unless someone signed in meanwhile.
 */
const wipeAfterSync = (): Promise<void> =>
  withWebLock(FLUSH_LOCK, async () => {
    if (await readUser()) return
    await clearLocalData()
    await writeMeta('authState', 'signed-out')
  })

/**
 * Removes the user's local data: Dexie tables and cached images. It takes the flush lock, so a
 * pull that is under way cannot write the previous user's data back after the wipe.
 */
export const wipeLocalData = (): Promise<void> => withWebLock(FLUSH_LOCK, clearLocalData)

const clearLocalData = async (): Promise<void> => {
  forgetHistoryStart()
  await clearTables()
  forgetThumbnailUrls()
  await deleteImageCache()
}

/** What a wipe keeps: the public config, and the state of signing out. */
const KEPT_META = ['config', 'authState', 'signOutPending']

const clearTables = async (): Promise<void> => {
  await db.transaction(
    'rw',
    [db.generations, db.outbox, db.thumbnails, db.drafts, db.meta],
    async () => {
      await Promise.all([
        db.generations.clear(),
        db.outbox.clear(),
        db.thumbnails.clear(),
        db.drafts.clear(),
        db.meta.where('key').noneOf(KEPT_META).delete(),
      ])
    }
  )
}
