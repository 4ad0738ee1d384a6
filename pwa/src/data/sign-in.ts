import type { SocialProvider } from '@app/shared-types'
import type { LocalUser } from './db.ts'

// What the sign-in and create-account pages do, with the session code (Dexie, zod/mini) loaded
// when the user acts: a signed-out visit draws those pages without either.

const session = () => import('./session.ts')

/** `signIn` of session.ts. */
export const signIn = async (input: { email: string; password: string }): Promise<LocalUser> =>
  (await session()).signIn(input)

/** `signUp` of session.ts. */
export const signUp = async (
  input: { name: string; email: string; password: string },
  callbackPath?: string
): Promise<LocalUser> => (await session()).signUp(input, callbackPath)

/** `socialSignInUrl` of session.ts. */
export const socialSignInUrl = async (
  provider: SocialProvider,
  callbackPath: string,
  errorPath: string
): Promise<string> => (await session()).socialSignInUrl(provider, callbackPath, errorPath)

/** `signInWithPasskey` of passkeys.ts. */
export const signInWithPasskey = async (): Promise<LocalUser> =>
  (await import('./passkeys.ts')).signInWithPasskey()
