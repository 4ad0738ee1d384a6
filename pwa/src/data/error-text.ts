import {
  type GenerationErrorCode,
  isSocialProvider,
  PASSWORD_TOO_COMMON,
  type SocialProvider,
  type Workflow,
} from '@app/shared-types'
import { ApiClientError } from './api.ts'
import type { AuthErrorCode, ClientErrorCode } from './client-errors.ts'
import type { OutboxError } from './db.ts'

/**
 * What the forms say about a password on the common-password list (shared-types). It lives here,
 * not in auth-rules.ts, so that History's cards, which read this file, do not load that list.
 */
export const COMMON_PASSWORD_TEXT =
  'This password is too common. Choose one that’s harder to guess.'

/** How a workflow's credits are named in running text (docs/product.md §7). */
const CREDIT_NAME: Record<Workflow, string> = {
  'product-shoot': 'product shoot',
  'ad-graphic': 'ad graphic',
}

/** What the user reads for a failed call, by code (docs/conventions.md §4.5). */
export const errorText: Record<ClientErrorCode, string> = {
  VALIDATION_FAILED: 'Some of these settings aren’t valid. Check them and try again.',
  PAYLOAD_TOO_LARGE: 'These photos are too large to send together. Use smaller photos.',
  UNSUPPORTED_MEDIA_TYPE: 'One of your photos is in a format we can’t use. Try a JPEG or PNG.',
  INVALID_IMAGE: 'One of your photos couldn’t be read. Try a JPEG or PNG.',
  UNAUTHENTICATED: 'Your session has ended. Sign in again to continue.',
  FORBIDDEN: 'You don’t have access to this.',
  NOT_FOUND: 'This generation doesn’t exist or was deleted.',
  CONFLICT: 'This changed in the meantime. Refresh and try again.',
  IDEMPOTENCY_KEY_REUSED: 'This request was already sent with other settings.',
  OUT_OF_CREDITS: 'You don’t have enough credits.',
  EMAIL_NOT_VERIFIED:
    'Verify your email address to generate. Open the link we emailed you, or ask for a new one.',
  INVALID_SIGNATURE: 'Something went wrong on our side.',
  RATE_LIMITED: 'You’re sending requests too quickly. This one will be sent again shortly.',
  UPSTREAM_FAILED: 'The image service is busy. Try again in a few minutes.',
  SERVICE_UNAVAILABLE: 'The service is busy. Try again in a few minutes.',
  SERVER_MISCONFIGURED: 'Something went wrong on our side.',
  INTERNAL: 'Something went wrong on our side.',
  NETWORK: 'You’re offline. We’ll send this when you’re back.',
}

/** Why a generation failed, by its code (docs/product.md §8). */
export const generationFailureText: Record<GenerationErrorCode, string> = {
  CONTENT_REFUSED:
    'The image service declined this request. Change the direction or photos and try again. Your credits were returned.',
  INPUT_UNREADABLE:
    "The image service couldn't read one of your photos. Try a JPEG or PNG. Your credits were returned.",
  INVALID_SETTINGS: 'The image service rejected these settings. Your credits were returned.',
  PROVIDER_BUSY:
    'The image service is busy. Try again in a few minutes. Your credits were returned.',
  INTERNAL: 'Something went wrong on our side. Your credits were returned.',
}

/**
 * What a request still on the device says about its last failure: "Not sent: …" when the server
 * refused it, or why it is waiting to be sent again.
 */
export const outboxErrorText = (error: OutboxError, workflow: Workflow): string => {
  switch (error.code) {
    case 'OUT_OF_CREDITS':
      return `Not sent: you don't have enough ${CREDIT_NAME[workflow]} credits. Nothing was charged.`
    case 'RATE_LIMITED':
      return "You're sending requests too quickly. This one will be sent again shortly."
    case 'NETWORK':
    case 'UPSTREAM_FAILED':
    case 'SERVICE_UNAVAILABLE':
    case 'INTERNAL':
      return errorText[error.code]
    default:
      return `Not sent: ${lowerFirst(errorText[error.code])}`
  }
}

/** Where a purchase needs other words than `errorText`: it is never kept to be sent later. */
const PURCHASE_TEXT: Partial<Record<ClientErrorCode, string>> = {
  NETWORK: 'Couldn’t reach Addreams. Check your connection and try again.',
  EMAIL_NOT_VERIFIED: 'Verify your email address to buy credits. Open the link we emailed you.',
}

/** Why a purchase could not be started or read, by code. */
export const purchaseErrorText = (error: unknown): string => {
  if (!(error instanceof ApiClientError)) return errorText.INTERNAL
  return PURCHASE_TEXT[error.code] ?? errorText[error.code]
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1)

const ALREADY_EXISTS: ReadonlySet<AuthErrorCode> = new Set([
  'USER_ALREADY_EXISTS',
  'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL',
])

/** The sign-in or sign-up form's message for a failed call (docs/product.md §9.2). */
export const authErrorText = (error: unknown, mode: 'sign-in' | 'sign-up'): string => {
  const fallback =
    mode === 'sign-in'
      ? 'Sign-in failed. Please try again.'
      : "Couldn't create your account. Please try again."
  if (!(error instanceof ApiClientError)) return fallback
  if (error.code === 'NETWORK') {
    return "You're offline. Connect to the internet to sign in."
  }
  if (error.code === 'RATE_LIMITED') return 'Too many attempts. Wait a moment and try again.'
  if (error.authCode === PASSWORD_TOO_COMMON) return COMMON_PASSWORD_TEXT
  if (error.authCode && ALREADY_EXISTS.has(error.authCode)) {
    return 'An account with this email already exists. Sign in instead.'
  }
  if (
    error.authCode === 'INVALID_EMAIL_OR_PASSWORD' ||
    (mode === 'sign-in' && error.code === 'UNAUTHENTICATED')
  ) {
    return 'Invalid email or password.'
  }
  return fallback
}

const PROVIDER_NAME: Record<SocialProvider, string> = { google: 'Google', github: 'GitHub' }

/**
 * Why a social sign-in came back without a session, by the `error` code of its callback: the
 * provider's own (`access_denied` when the user canceled consent) or better-auth's.
 */
export const socialErrorText = (code: string, provider: string | null): string => {
  const name = isSocialProvider(provider) ? PROVIDER_NAME[provider] : 'your account provider'
  switch (code) {
    case 'access_denied':
      return `You canceled signing in with ${name}. Nothing was shared with Addreams. Try again, or use your email and password.`
    case 'state_mismatch':
    case 'state_not_found':
    case 'state_invalid':
      return `Signing in with ${name} took too long or was finished in another browser. Try again.`
    case 'email_not_found':
      return `${name} didn’t share an email address with Addreams. Make one visible in your ${name} account, or use your email and password.`
    case 'account_already_linked_to_different_user':
      return `This ${name} account belongs to another Addreams account. Sign in to that one instead.`
    default:
      return `Signing in with ${name} didn’t work. Try again, or use your email and password.`
  }
}
