import { AUTH_LIMITS, signUpSchema, socialProviderSchema } from '@app/shared-types'
import * as z from 'zod'
import type { RouteDoc } from './route-doc.ts'

// better-auth answers its own routes with `{ code, message }`, not our envelope.
const betterAuthError = z.object({ code: z.string().optional(), message: z.string() })
const errors = {
  400: { description: 'Invalid input (better-auth error)', schema: betterAuthError },
  401: {
    description: 'Wrong credentials or no session (better-auth error)',
    schema: betterAuthError,
  },
  429: { description: 'Too many attempts; see Retry-After', schema: betterAuthError },
}
const ok = z.object({ status: z.boolean() })
const userSchema = z.object({ id: z.string(), name: z.string(), email: z.string() }).loose()
const sessionSchema = z
  .object({
    id: z.string(),
    token: z.string(),
    expiresAt: z.string(),
    userAgent: z.string().nullish(),
  })
  .loose()
const password = z
  .string()
  .min(AUTH_LIMITS.passwordMin)
  .max(AUTH_LIMITS.passwordMax)
  .describe('Not one of the most common passwords (refused with code PASSWORD_TOO_COMMON)')
const redirect = (path: string, summary: string, query: z.ZodObject, pathParams?: z.ZodObject) =>
  ({
    method: 'get',
    path: `/api/auth${path}`,
    summary,
    tag: 'auth',
    query,
    ...(pathParams ? { pathParams } : {}),
    responses: { 302: { description: 'Redirect into the app (with `?error=` when refused)' } },
    errors: [],
  }) satisfies RouteDoc
const passkeySchema = z
  .object({ id: z.string(), name: z.string().nullish(), createdAt: z.string().nullish() })
  .loose()
/** WebAuthn options and answers are the browser's own JSON (`@simplewebauthn/browser`). */
const webAuthnJson = z.record(z.string(), z.unknown())

const route = (
  method: RouteDoc['method'],
  path: string,
  summary: string,
  body: z.ZodType | undefined,
  response: z.ZodType,
  auth = true
): RouteDoc => ({
  method,
  path: `/api/auth${path}`,
  summary,
  tag: 'auth',
  auth,
  ...(body ? { body: { contentType: 'application/json', schema: body } } : {}),
  responses: { 200: { description: 'OK', schema: response }, ...errors },
  errors: [],
})

/** The better-auth routes the app uses, mounted at `/api/auth/*`. */
export const authDocs: RouteDoc[] = [
  route(
    'post',
    '/sign-up/email',
    'Create an account with email and password (10 per 10 min per IP)',
    signUpSchema,
    z.object({ token: z.string().nullable(), user: userSchema }),
    false
  ),
  route(
    'post',
    '/sign-in/email',
    'Sign in with email and password (3 per 10 s per IP)',
    z.object({ email: z.string(), password, rememberMe: z.boolean().optional() }),
    z.object({ token: z.string(), user: userSchema }),
    false
  ),
  route(
    'post',
    '/sign-in/social',
    'Start Google or GitHub sign-in; answers the provider URL to go to',
    z.object({ provider: socialProviderSchema, callbackURL: z.string().optional() }),
    z.object({ url: z.string(), redirect: z.boolean() }),
    false
  ),
  {
    method: 'get',
    path: '/api/auth/callback/{provider}',
    summary: 'Where Google or GitHub send the user back',
    tag: 'auth',
    pathParams: z.object({ provider: socialProviderSchema }),
    responses: { 302: { description: 'Signed in; redirect into the app' } },
    errors: [],
  },
  route(
    'post',
    '/sign-out',
    'Sign out this device',
    z.object({}),
    z.object({ success: z.boolean() })
  ),
  route(
    'get',
    '/get-session',
    'The current session and user, or null',
    undefined,
    z.object({ session: sessionSchema, user: userSchema }).nullable(),
    false
  ),
  route('get', '/list-sessions', 'My active sessions', undefined, z.array(sessionSchema)),
  route(
    'post',
    '/revoke-session',
    'Sign out one of my sessions',
    z.object({ token: z.string() }),
    ok
  ),
  route('post', '/revoke-other-sessions', 'Sign out every other device', z.object({}), ok),
  route(
    'post',
    '/change-password',
    'Change my password; always signs out the other devices',
    z.object({ currentPassword: z.string(), newPassword: password }),
    z.object({ token: z.string().nullable(), user: userSchema })
  ),
  route(
    'post',
    '/send-verification-email',
    'Email a new verification link (5 per 10 min per IP, 3 per hour per address)',
    z.object({ email: z.string(), callbackURL: z.string().optional() }),
    ok,
    false
  ),
  redirect(
    '/verify-email',
    'The emailed link: verifies the address (the welcome credits come with it) and signs in',
    z.object({ token: z.string(), callbackURL: z.string().optional() })
  ),
  route(
    'post',
    '/request-password-reset',
    'Email a single-use reset link; the same answer whether or not an account uses the address (5 per 10 min per IP, 3 per hour per address)',
    z.object({ email: z.string(), redirectTo: z.string().optional() }),
    z.object({ status: z.boolean(), message: z.string() }),
    false
  ),
  redirect(
    '/reset-password/{token}',
    'The emailed reset link: on to `callbackURL?token=`, or `?error=INVALID_TOKEN` when used or expired (1 hour)',
    z.object({ callbackURL: z.string() }),
    z.object({ token: z.string() })
  ),
  route(
    'post',
    '/reset-password',
    'Set a new password with the emailed token (once); signs out every device',
    z.object({ token: z.string(), newPassword: password }),
    ok,
    false
  ),
  route(
    'get',
    '/passkey/generate-register-options',
    'WebAuthn options to create a passkey for me on this device',
    undefined,
    webAuthnJson
  ),
  route(
    'post',
    '/passkey/verify-registration',
    'Store the passkey the browser created',
    z.object({ response: webAuthnJson, name: z.string().optional() }),
    passkeySchema
  ),
  route(
    'get',
    '/passkey/generate-authenticate-options',
    'WebAuthn options to sign in with a passkey',
    undefined,
    webAuthnJson,
    false
  ),
  route(
    'post',
    '/passkey/verify-authentication',
    'Sign in with the passkey the browser used (3 per 10 s per IP)',
    z.object({ response: webAuthnJson }),
    z.object({ session: sessionSchema, user: userSchema }),
    false
  ),
  route('get', '/passkey/list-user-passkeys', 'My passkeys', undefined, z.array(passkeySchema)),
  route(
    'post',
    '/passkey/delete-passkey',
    'Remove one of my passkeys',
    z.object({ id: z.string() }),
    z.object({ status: z.boolean() })
  ),
  route(
    'post',
    '/delete-user',
    'Delete my account and everything of mine; needs the password or a session under 15 minutes old',
    z.object({ password: z.string().optional() }),
    z.object({ success: z.boolean(), message: z.string() })
  ),
]
