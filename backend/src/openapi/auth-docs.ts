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
const password = z.string().min(AUTH_LIMITS.passwordMin).max(AUTH_LIMITS.passwordMax)

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
    '/delete-user',
    'Delete my account and everything of mine; needs the password or a session under 15 minutes old',
    z.object({ password: z.string().optional() }),
    z.object({ success: z.boolean(), message: z.string() })
  ),
]
