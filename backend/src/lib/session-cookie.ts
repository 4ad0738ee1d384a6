import type { Context } from 'hono'
import { getSignedCookie } from 'hono/cookie'
import type { Auth } from './auth.ts'

/**
 * The token in better-auth's session cookie, checked without D1: the cookie (named as better-auth
 * names it, `__Secure-` prefix included) is `token.signature`, an HMAC-SHA-256 of the token with
 * the auth secret in base64, which is the format Hono's signed cookies use too. Undefined when the
 * cookie is missing or its signature is wrong.
 */
export const sessionTokenOf = async (c: Context, auth: Auth): Promise<string | undefined> => {
  const { secret, authCookies } = await auth.$context
  return (await getSignedCookie(c, secret, authCookies.sessionToken.name)) || undefined
}

/**
 * Whether better-auth extends this browser's session: not when it signed in without "remember
 * me" (a signed `dont_remember` cookie), whose one-day session would otherwise always look due.
 */
export const isRemembered = async (c: Context, auth: Auth): Promise<boolean> => {
  const { secret, authCookies } = await auth.$context
  return !(await getSignedCookie(c, secret, authCookies.dontRememberToken.name))
}
