import { APIError, createAuthMiddleware } from 'better-auth/api'
import type { Db } from '../db/client.ts'
import type { RateRule } from '../env.ts'
import { takeRateSlot } from '../services/address-rate-limit.ts'
import { emailHash } from '../services/email-identity.ts'

/** Routes that email a link to the address in their body. */
const EMAILING_ROUTES = new Set(['/request-password-reset', '/send-verification-email'])

/**
 * Limits the emails one address can be sent, whoever asks and from however many IPs (better-auth's
 * limiter counts per IP only). Keyed by the address's hash, and counted whether or not an account
 * uses it, so a refusal tells nothing about which addresses have accounts. Answers 429 with
 * `Retry-After` (routes/auth.ts gives it the `RATE_LIMITED` code).
 */
export const limitEmailsPerAddress = (deps: { db: Db; secret: string; rule: RateRule }) =>
  createAuthMiddleware(async (ctx) => {
    if (!EMAILING_ROUTES.has(ctx.path) || !ctx.body || typeof ctx.body !== 'object') return
    const { email } = ctx.body as Record<string, unknown>
    if (typeof email !== 'string' || email.trim() === '') return
    const key = `${ctx.path}:${await emailHash(deps.secret, email)}`
    const verdict = await takeRateSlot(deps.db, key, deps.rule)
    if (verdict.allowed) return
    throw new APIError(
      'TOO_MANY_REQUESTS',
      { code: 'RATE_LIMITED', message: 'Too many emails to this address. Try again later.' },
      { 'X-Retry-After': String(verdict.retryAfterSeconds) }
    )
  })
