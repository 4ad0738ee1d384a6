import {
  DEFAULT_WORKFLOW_MODELS,
  type ImageProvider,
  type ModelId,
  modelIdSchema,
  type Workflow,
} from '@app/shared-types'
import * as z from 'zod'
import type { Db } from './db/client.ts'

/** Hono's environment for every route and middleware of the Worker. */
export type AppEnv = {
  Bindings: Env
  Variables: {
    requestId: string
    config: AppConfig
    db: Db
    userId?: string
  }
}

const optionalSecret = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined))

const originList = z
  .string()
  .min(1)
  .transform((value) => value.split(',').map((origin) => origin.trim()))
  .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin)).min(1))

/** `max/seconds`, e.g. `3/10`: at most 3 requests per client IP in 10 s. */
const rateLimit = (fallback: string) =>
  z
    .string()
    .regex(/^[1-9]\d*\/[1-9]\d*$/, 'must look like max/seconds, e.g. 3/10')
    .default(fallback)
    .transform((value) => {
      const [max, window] = value.split('/').map(Number)
      return { max: max ?? 1, window: window ?? 1 }
    })

/** The Worker's string variables and secrets, checked once per isolate. */
export const envSchema = z.object({
  BETTER_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters'),
  BETTER_AUTH_URL: z.url({ protocol: /^https?$/ }),
  TRUSTED_ORIGINS: originList,
  DASHSCOPE_BASE_URL: z.url({ protocol: /^https?$/ }),
  // Exact extra origins result images may come from, besides Alibaba's OSS hosts (the simulator's).
  DASHSCOPE_RESULT_HOSTS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean)
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin))),
  PRODUCT_SHOOT_MODEL: modelIdSchema.default(DEFAULT_WORKFLOW_MODELS['product-shoot']),
  AD_GRAPHIC_MODEL: modelIdSchema.default(DEFAULT_WORKFLOW_MODELS['ad-graphic']),
  QWEN_API_KEY: optionalSecret,
  GOOGLE_CLIENT_ID: optionalSecret,
  GOOGLE_CLIENT_SECRET: optionalSecret,
  GITHUB_CLIENT_ID: optionalSecret,
  GITHUB_CLIENT_SECRET: optionalSecret,
  GENERATIONS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  // A crashed job's generation waits this long (plus at most a sweeper tick) before it is taken back.
  GENERATION_LEASE_SECONDS: z.coerce.number().int().min(10).max(300).default(60),
  RATE_LIMIT_SIGN_IN: rateLimit('3/10'),
  RATE_LIMIT_SIGN_UP: rateLimit('10/600'),
  RATE_LIMIT_AUTH: rateLimit('100/60'),
  // Emails asking for a link (verification, password reset) per client IP, and per address.
  RATE_LIMIT_EMAIL: rateLimit('5/600'),
  RATE_LIMIT_EMAIL_ADDRESS: rateLimit('3/3600'),
  RESEND_API_KEY: optionalSecret,
  // Resend's API, or the local mailbox that `npm start` and the tests run (it speaks the same).
  RESEND_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.resend.com'),
  EMAIL_FROM: z.string().min(3).default('Addreams <accounts@addreams.example>'),
  // Keys the hash of every address that was given welcome credits. Unset, a key derived from
  // BETTER_AUTH_SECRET is used; set it in production so rotating that secret does not forget them.
  EMAIL_HASH_SECRET: optionalSecret.pipe(
    z.string().min(32, 'must be at least 32 characters').optional()
  ),
  STRIPE_SECRET_KEY: optionalSecret,
  STRIPE_WEBHOOK_SECRET: optionalSecret,
  // Stripe's API, or the local Checkout simulator that `npm start` and the tests run (same wire).
  STRIPE_API_BASE: z.url({ protocol: /^https?$/ }).default('https://api.stripe.com'),
})

/** A rate limit rule: at most `max` requests per client IP in `window` seconds. */
export type RateRule = { max: number; window: number }

/** The configuration the app runs with, derived from the checked environment. */
export type AppConfig = {
  authSecret: string
  baseUrl: string
  trustedOrigins: string[]
  secureCookies: boolean
  dashscope: { baseUrl: string; apiKey: string | undefined; resultOrigins: string[] }
  imageProvider: ImageProvider
  models: Record<Workflow, ModelId>
  google: { clientId: string; clientSecret: string } | undefined
  github: { clientId: string; clientSecret: string } | undefined
  rateLimits: {
    signIn: RateRule
    signUp: RateRule
    auth: RateRule
    email: RateRule
    emailAddress: RateRule
  }
  /** How the Worker sends email; `apiKey` undefined means it cannot (the mails are logged). */
  email: { baseUrl: string; apiKey: string | undefined; from: string }
  /** The key of the welcome-grant address hashes (HMAC-SHA-256). */
  emailHashSecret: string
  generationsPerMinute: number
  generationLeaseSeconds: number
  /** Stripe Checkout; without `secretKey` nothing can be bought, without `webhookSecret` no payment lands. */
  payments: { apiBase: string; secretKey: string | undefined; webhookSecret: string | undefined }
}

/** A variable that is missing or malformed, named so the operator can fix it. */
export class EnvError extends Error {
  readonly problems: { variable: string; message: string }[]
  constructor(problems: { variable: string; message: string }[]) {
    super(`Invalid environment: ${problems.map((p) => `${p.variable} ${p.message}`).join('; ')}`)
    this.problems = problems
  }
}

const pair = (id: string | undefined, secret: string | undefined) =>
  id && secret ? { clientId: id, clientSecret: secret } : undefined

/** Checks the environment and derives the app's configuration; throws `EnvError` naming each bad variable. */
export const parseEnv = (env: Record<string, unknown>): AppConfig => {
  const result = envSchema.safeParse(env)
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? 'environment'),
        message: issue.message,
      }))
    )
  }
  const e = result.data
  return {
    authSecret: e.BETTER_AUTH_SECRET,
    baseUrl: e.BETTER_AUTH_URL,
    trustedOrigins: e.TRUSTED_ORIGINS,
    secureCookies: new URL(e.BETTER_AUTH_URL).protocol === 'https:',
    dashscope: {
      baseUrl: e.DASHSCOPE_BASE_URL,
      apiKey: e.QWEN_API_KEY,
      resultOrigins: e.DASHSCOPE_RESULT_HOSTS,
    },
    // Without a real key, `npm start` points the Worker at the local DashScope simulator.
    imageProvider: e.QWEN_API_KEY && e.QWEN_API_KEY !== 'sk-sim' ? 'dashscope' : 'simulator',
    models: { 'product-shoot': e.PRODUCT_SHOOT_MODEL, 'ad-graphic': e.AD_GRAPHIC_MODEL },
    google: pair(e.GOOGLE_CLIENT_ID, e.GOOGLE_CLIENT_SECRET),
    github: pair(e.GITHUB_CLIENT_ID, e.GITHUB_CLIENT_SECRET),
    rateLimits: {
      signIn: e.RATE_LIMIT_SIGN_IN,
      signUp: e.RATE_LIMIT_SIGN_UP,
      auth: e.RATE_LIMIT_AUTH,
      email: e.RATE_LIMIT_EMAIL,
      emailAddress: e.RATE_LIMIT_EMAIL_ADDRESS,
    },
    email: { baseUrl: e.RESEND_BASE_URL, apiKey: e.RESEND_API_KEY, from: e.EMAIL_FROM },
    emailHashSecret: e.EMAIL_HASH_SECRET ?? `welcome-grant:${e.BETTER_AUTH_SECRET}`,
    generationsPerMinute: e.GENERATIONS_PER_MINUTE,
    generationLeaseSeconds: e.GENERATION_LEASE_SECONDS,
    payments: {
      apiBase: e.STRIPE_API_BASE,
      secretKey: e.STRIPE_SECRET_KEY,
      webhookSecret: e.STRIPE_WEBHOOK_SECRET,
    },
  }
}
