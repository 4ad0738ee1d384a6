import { betterAuth } from 'better-auth'
import { drizzleAdapter } from 'better-auth/adapters/drizzle'
import { createAuthMiddleware } from 'better-auth/api'
import type { GoogleOptions } from 'better-auth/social-providers'
import type { Db } from '../db/client.ts'
import * as schema from '../db/schema.ts'
import type { AppConfig } from '../env.ts'
import { deleteUserImages } from '../services/account-deletion.ts'
import { grantWelcomeCredits } from '../services/credits.ts'
import { checkUserFields } from './auth-field-limits.ts'

/** What better-auth needs from the Worker: the config, the database and the image bucket. */
export type AuthDeps = {
  config: AppConfig
  db: Db
  bucket: R2Bucket
  /** Stand-ins for the calls that go to Google's servers, which tests cannot reach. */
  providerCalls?: { google?: Pick<GoogleOptions, 'verifyIdToken' | 'getUserInfo'> }
}

/** Seconds a session stays fresh enough to delete the account without the password. */
export const FRESH_SESSION_SECONDS = 15 * 60

/**
 * The better-auth instance for this Worker. Built from the request's bindings (Workers have no
 * global env); `authFor` caches one per isolate.
 */
export const createAuth = ({ config, db, bucket, providerCalls }: AuthDeps) => {
  const { signIn, signUp, auth: other } = config.rateLimits
  return betterAuth({
    database: drizzleAdapter(db, { provider: 'sqlite', schema }),
    secret: config.authSecret,
    baseURL: config.baseUrl,
    basePath: '/api/auth',
    trustedOrigins: config.trustedOrigins,
    telemetry: { enabled: false },
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128 },
    socialProviders: {
      ...(config.google ? { google: { ...config.google, ...providerCalls?.google } } : {}),
      ...(config.github ? { github: config.github } : {}),
    },
    account: {
      // A provider's verified email never joins an account whose own email nobody verified: else
      // whoever registered someone's address first with a password would share their account.
      accountLinking: { requireLocalEmailVerified: true },
    },
    user: {
      additionalFields: {
        accountType: { type: 'string', required: false, defaultValue: 'free', input: false },
      },
      deleteUser: {
        enabled: true,
        // Rows go by ON DELETE CASCADE when better-auth deletes the user; R2 objects must go first.
        beforeDelete: async (user) => {
          await deleteUserImages(bucket, user.id)
        },
      },
    },
    session: {
      freshAge: FRESH_SESSION_SECONDS,
      // No cookie cache: every request reads the session row, so a revoked session is refused at once.
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: other.window,
      max: other.max,
      customRules: {
        '/sign-in/*': signIn,
        '/sign-up/*': signUp,
      },
    },
    advanced: {
      useSecureCookies: config.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: config.secureCookies },
      ipAddress: { ipAddressHeaders: ['cf-connecting-ip'] },
      // A session check reads its session and user in one D1 query rather than two.
      database: { joins: true },
    },
    databaseHooks: {
      user: { create: { after: async (user) => void (await grantWelcomeCredits(db, user.id)) } },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        await checkUserFields(ctx)
        // Changing the password always signs out the other devices, whatever the client asked.
        if (ctx.path === '/change-password' && ctx.body && typeof ctx.body === 'object') {
          ctx.body.revokeOtherSessions = true
        }
      }),
    },
  })
}

export type Auth = ReturnType<typeof createAuth>
/** The signed-in user and session, as better-auth returns them. */
export type AuthSession = NonNullable<Awaited<ReturnType<Auth['api']['getSession']>>>

const instances = new WeakMap<AppConfig, Auth>()

/** One better-auth instance per isolate and configuration. */
export const authFor = (deps: AuthDeps): Auth => {
  let auth = instances.get(deps.config)
  if (!auth) {
    auth = createAuth(deps)
    instances.set(deps.config, auth)
  }
  return auth
}
