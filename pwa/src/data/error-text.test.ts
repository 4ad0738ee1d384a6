import { describe, expect, it } from 'vitest'
import { ApiClientError } from './api.ts'
import type { AuthErrorCode } from './client-errors.ts'
import { authErrorText, outboxErrorText, purchaseErrorText, socialErrorText } from './error-text.ts'

const authError = (status: number, authCode?: AuthErrorCode) =>
  new ApiClientError({
    code:
      status === 401 ? 'UNAUTHENTICATED' : status === 429 ? 'RATE_LIMITED' : 'VALIDATION_FAILED',
    status,
    message: 'm',
    authCode,
  })

describe('authErrorText', () => {
  it('should pick the docs/product.md §9.2 message from the error code and the better-auth code', () => {
    expect(authErrorText(authError(401, 'INVALID_EMAIL_OR_PASSWORD'), 'sign-in')).toBe(
      'Invalid email or password.'
    )
    expect(authErrorText(authError(422, 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL'), 'sign-up')).toBe(
      'An account with this email already exists. Sign in instead.'
    )
    expect(authErrorText(authError(429), 'sign-up')).toBe(
      'Too many attempts. Wait a moment and try again.'
    )
    expect(
      authErrorText(new ApiClientError({ code: 'NETWORK', status: 0, message: '' }), 'sign-in')
    ).toBe("You're offline. Connect to the internet to sign in.")
    expect(authErrorText(authError(500), 'sign-in')).toBe('Sign-in failed. Please try again.')
    expect(authErrorText(new Error('x'), 'sign-up')).toBe(
      "Couldn't create your account. Please try again."
    )
  })
})

describe('outboxErrorText', () => {
  it('should name the workflow when credits ran out and say a rate limit is retried', () => {
    const error = { code: 'OUT_OF_CREDITS', message: '', status: 402 } as const
    expect(outboxErrorText(error, 'ad-graphic')).toBe(
      "Not sent: you don't have enough ad graphic credits. Nothing was charged."
    )
    expect(outboxErrorText({ code: 'RATE_LIMITED', message: '', status: 429 }, 'ad-graphic')).toBe(
      "You're sending requests too quickly. This one will be sent again shortly."
    )
  })
})

/** @see the security issue: a canceled consent at Google or GitHub ended on better-auth's page. */
describe('socialErrorText', () => {
  it.each([
    [
      'access_denied',
      'github',
      'You canceled signing in with GitHub. Nothing was shared with Addreams. Try again, or use your email and password.',
    ],
    [
      'access_denied',
      'google',
      'You canceled signing in with Google. Nothing was shared with Addreams. Try again, or use your email and password.',
    ],
    [
      'state_mismatch',
      'google',
      'Signing in with Google took too long or was finished in another browser. Try again.',
    ],
    [
      'state_not_found',
      'github',
      'Signing in with GitHub took too long or was finished in another browser. Try again.',
    ],
    [
      'email_not_found',
      'github',
      'GitHub didn’t share an email address with Addreams. Make one visible in your GitHub account, or use your email and password.',
    ],
    [
      'account_already_linked_to_different_user',
      'google',
      'This Google account belongs to another Addreams account. Sign in to that one instead.',
    ],
    [
      'invalid_code',
      'github',
      'Signing in with GitHub didn’t work. Try again, or use your email and password.',
    ],
  ])('should explain %s from %s', (code, provider, text) => {
    expect(socialErrorText(code, provider)).toBe(text)
  })

  it('should not name a provider it does not know', () => {
    expect(socialErrorText('access_denied', '<script>')).toBe(
      'You canceled signing in with your account provider. Nothing was shared with Addreams. Try again, or use your email and password.'
    )
    expect(socialErrorText('access_denied', null)).toContain('your account provider')
  })
})

describe('purchaseErrorText', () => {
  const failed = (code: 'NETWORK' | 'EMAIL_NOT_VERIFIED' | 'SERVICE_UNAVAILABLE', status: number) =>
    purchaseErrorText(new ApiClientError({ code, status, message: 'm' }))

  it('should ask to try again rather than promise to send a purchase later', () => {
    expect(failed('NETWORK', 0)).toBe(
      'Couldn’t reach Addreams. Check your connection and try again.'
    )
  })

  it('should say buying, not generating, needs a verified address', () => {
    expect(failed('EMAIL_NOT_VERIFIED', 403)).toBe(
      'Verify your email address to buy credits. Open the link we emailed you.'
    )
  })

  it('should use the shared text for other codes and anything that is not an API error', () => {
    expect(failed('SERVICE_UNAVAILABLE', 503)).toBe(
      'The service is busy. Try again in a few minutes.'
    )
    expect(purchaseErrorText(new Error('x'))).toBe('Something went wrong on our side.')
  })
})
