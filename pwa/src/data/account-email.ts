import * as z from 'zod'
import { apiJson } from './api.ts'

const statusSchema = z.object({ status: z.boolean() })

/**
 * Asks for a new verification email for the signed-in user's address; its link comes back to
 * `callbackPath`. The server allows a few an hour per address (then `RATE_LIMITED`).
 */
export const resendVerificationEmail = async (email: string, callbackPath: string) => {
  await apiJson('/api/auth/send-verification-email', statusSchema, {
    method: 'POST',
    json: { email, callbackURL: callbackPath },
  })
}

/**
 * Asks for a password-reset email. The answer is the same whether or not an account uses the
 * address. Its link opens `/reset-password` with the token and, so the page can sign in after,
 * the address.
 */
export const requestPasswordReset = async (email: string) => {
  await apiJson('/api/auth/request-password-reset', statusSchema, {
    method: 'POST',
    json: { email, redirectTo: `/reset-password?email=${encodeURIComponent(email)}` },
  })
}

/**
 * Sets a new password with the emailed token (once; it expires). The server then signs out every
 * device. Throws `ApiClientError` with `authCode` `INVALID_TOKEN` for a used or expired link.
 */
export const resetPassword = async (token: string, newPassword: string) => {
  await apiJson('/api/auth/reset-password', statusSchema, {
    method: 'POST',
    json: { token, newPassword },
  })
}
