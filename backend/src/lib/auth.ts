import { waitUntil } from 'cloudflare:workers'
import { passkey } from '@better-auth/passkey'
import { betterAuth } from 'better-auth'
import { drizzleAdapter } from 'better-auth/adapters/drizzle'
import { createAuthMiddleware } from 'better-auth/api'
import type { GoogleOptions } from 'better-auth/social-providers'
import type { Db } from '../db/client.ts'
import * as schema from '../db/schema.ts'
import type { AppConfig } from '../env.ts'
import { deleteUserImages } from '../services/account-deletion.ts'
import { type Mailer, resendMailer } from '../services/email/mailer.ts'
import { passwordResetEmail, verificationEmail } from '../services/email/messages.ts'
import { grantWelcomeOnce, rememberWelcomedAddress } from '../services/welcome-credits.ts'
import { limitEmailsPerAddress } from './auth-address-limit.ts'
import { checkUserFields } from './auth-field-limits.ts'
import { checkPasswordRules } from './auth-password-rules.ts'

/** What better-auth needs from the Worker: the config, the database and the image bucket. */
export type AuthDeps = {
  config: AppConfig
  db: Db
  bucket: R2Bucket
  /** Stand-ins for the calls that go to Google's servers, which tests cannot reach. */
  providerCalls?: { google?: Pick<GoogleOptions, 'verifyIdToken' | 'getUserInfo'> }
  /** How email goes out; Resend (or the local mailbox) as configured unless given. */
  mailer?: Mailer
}

/** Seconds a session stays fresh enough to delete the account without the password. */
export const FRESH_SESSION_SECONDS = 15 * 60

/** Seconds a verification or password-reset link works; the emails say "1 hour". */
export const EMAIL_LINK_SECONDS = 60 * 60

/**
 * The WebAuthn relying party: the host of BETTER_AUTH_URL, which a passkey is bound to. Browsers
 * refuse an IP address as one, so a local run on 127.0.0.1 uses `localhost` (open the app at
 * http://localhost:PORT to use passkeys there).
 */
const passkeyRpId = (config: AppConfig): string => {
  const { hostname } = new URL(config.baseUrl)
  return /^[\d.]+$|^\[/.test(hostname) ? 'localhost' : hostname
}

/**
 * The origins a passkey may be used from: the public origin and the trusted origins on the
 * relying party's host, such as `npm run dev`'s Vite port.
 */
const passkeyOrigins = (config: AppConfig): string[] => {
  const rpId = passkeyRpId(config)
  const origins = [config.baseUrl, ...config.trustedOrigins].map((o) => new URL(o))
  return [...new Set(origins.filter((url) => url.hostname === rpId).map((url) => url.origin))]
}

/**
 * The better-auth instance for this Worker. Built from the request's bindings (Workers have no
 * global env); `authFor` caches one per isolate.
 */
export const createAuth = ({ config, db, bucket, providerCalls, mailer: given }: AuthDeps) => {
  const { signIn, signUp, auth: other, email, emailAddress } = config.rateLimits
  const mailer = given ?? resendMailer(config.email)
  const secret = config.emailHashSecret
  const addressLimit = limitEmailsPerAddress({ db, secret, rule: emailAddress })
  return betterAuth({
    database: drizzleAdapter(db, { provider: 'sqlite', schema }),
    secret: config.authSecret,
    baseURL: config.baseUrl,
    basePath: '/api/auth',
    trustedOrigins: config.trustedOrigins,
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      // Unverified users may sign in and set things up; only spending needs a verified email.
      requireEmailVerification: false,
      resetPasswordTokenExpiresIn: EMAIL_LINK_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: ({ user, url }) => mailer.send(passwordResetEmail(user.email, url)),
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      expiresIn: EMAIL_LINK_SECONDS,
      sendVerificationEmail: ({ user, url }) => mailer.send(verificationEmail(user.email, url)),
      // The welcome credits wait for a verified address: one grant per address, ever.
      afterEmailVerification: async (user) => {
        await grantWelcomeOnce(db, secret, user)
      },
    },
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
          // The address keeps its welcome grant after the account is gone.
          await rememberWelcomedAddress(db, secret, user)
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
        '/passkey/verify-authentication': signIn,
        '/send-verification-email': email,
        '/request-password-reset': email,
        '/reset-password': email,
      },
    },
    advanced: {
      useSecureCookies: config.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: config.secureCookies },
      ipAddress: { ipAddressHeaders: ['cf-connecting-ip'] },
      // A session check reads its session and user in one D1 query rather than two.
      database: { joins: true },
      // Emails go out after the answer: a password-reset request answers alike, and as fast,
      // whether or not the address has an account.
      backgroundTasks: { handler: waitUntil },
    },
    databaseHooks: {
      // A provider sign-up whose email the provider verified is welcomed at once; others at
      // verification.
      user: {
        create: {
          after: async (user) => {
            if (user.emailVerified) await grantWelcomeOnce(db, secret, user)
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        await checkUserFields(ctx)
        await checkPasswordRules(ctx)
        await addressLimit(ctx)
        // Changing the password always signs out the other devices, whatever the client asked.
        if (ctx.path === '/change-password' && ctx.body && typeof ctx.body === 'object') {
          ctx.body.revokeOtherSessions = true
        }
      }),
    },
    plugins: [
      passkey({
        rpID: passkeyRpId(config),
        rpName: 'Addreams',
        origin: passkeyOrigins(config),
      }),
    ],
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
