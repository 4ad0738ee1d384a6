import type { SocialProvider } from '@app/shared-types'
import type { LocalUser } from './db.ts'

/** Who this device believes is signed in, from `meta` (works offline). */
export const readUser = async (): Promise<LocalUser | null> => {
  throw new Error('not implemented yet')
}

/**
 * Asks the server who is signed in. A different user than the stored one wipes the previous
 * user's local data first; a network failure keeps the stored user. A 401 marks the session
 * expired (the outbox pauses) but deletes nothing.
 */
export const refreshSession = async (): Promise<LocalUser | null> => {
  throw new Error('not implemented yet')
}

/** Email sign-in; throws `ApiClientError` (better-auth's code in `authCode`). */
export const signIn = async (input: { email: string; password: string }): Promise<LocalUser> => {
  throw new Error(`not implemented yet (${input.email})`)
}

/** Creates the account and signs in. */
export const signUp = async (input: {
  name: string
  email: string
  password: string
}): Promise<LocalUser> => {
  throw new Error(`not implemented yet (${input.email})`)
}

/** The provider's sign-in URL; the page then goes there. `callbackPath` is a same-origin path. */
export const socialSignInUrl = async (
  provider: SocialProvider,
  callbackPath: string
): Promise<string> => {
  throw new Error(`not implemented yet (${provider} ${callbackPath})`)
}

/** Signs out on the server when reachable, then removes every local trace of the user. */
export const signOut = async (): Promise<void> => {
  throw new Error('not implemented yet')
}

/** Removes the user's local data: Dexie tables and cached images. */
export const wipeLocalData = async (): Promise<void> => {
  throw new Error('not implemented yet')
}
