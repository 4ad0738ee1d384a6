import { isCommonPassword, PASSWORD_TOO_COMMON } from '@app/shared-types'
import { APIError, createAuthMiddleware } from 'better-auth/api'

/** The body field that carries a new password, by route. */
const NEW_PASSWORD_FIELD: Readonly<Record<string, string>> = {
  '/sign-up/email': 'password',
  '/change-password': 'newPassword',
  '/reset-password': 'newPassword',
}

/**
 * Refuses a new password on the common-password list (shared-types, the same list the forms show
 * as the user types) before better-auth hashes it. better-auth itself checks the length. A reset
 * refused here leaves its link unused, so the user can try another password.
 */
export const checkPasswordRules = createAuthMiddleware(async (ctx) => {
  const field = NEW_PASSWORD_FIELD[ctx.path]
  if (!field || !ctx.body || typeof ctx.body !== 'object') return
  const password = (ctx.body as Record<string, unknown>)[field]
  if (typeof password === 'string' && isCommonPassword(password)) {
    throw APIError.from('BAD_REQUEST', {
      code: PASSWORD_TOO_COMMON,
      message: 'This password is one of the most common ones. Choose another.',
    })
  }
})
