import { AUTH_LIMITS } from '@app/shared-types'
import { APIError, createAuthMiddleware } from 'better-auth/api'

/** Routes whose body sets the user's own fields. */
const USER_FIELD_ROUTES = new Set(['/sign-up/email', '/update-user'])

/** The longest profile image URL accepted; the app sets none, so this only bounds abuse. */
const IMAGE_URL_MAX = 2048

const refuse = (code: string, message: string) => APIError.from('BAD_REQUEST', { code, message })

/**
 * better-auth sets no maximum on a user's name or image, and none on the email beyond its shape:
 * refuse what the forms would (shared-types' AUTH_LIMITS) before it reaches the database.
 */
export const checkUserFields = createAuthMiddleware(async (ctx) => {
  if (!USER_FIELD_ROUTES.has(ctx.path) || !ctx.body || typeof ctx.body !== 'object') return
  const { name, email, image } = ctx.body as Record<string, unknown>
  if (name !== undefined) {
    const trimmed = typeof name === 'string' ? name.trim() : ''
    if (trimmed.length === 0 || trimmed.length > AUTH_LIMITS.nameMax) {
      throw refuse('INVALID_NAME', `The name must be 1–${AUTH_LIMITS.nameMax} characters.`)
    }
  }
  if (typeof email === 'string' && email.length > AUTH_LIMITS.emailMax) {
    throw refuse('INVALID_EMAIL', `The email must be at most ${AUTH_LIMITS.emailMax} characters.`)
  }
  if (typeof image === 'string' && image.length > IMAGE_URL_MAX) {
    throw refuse('INVALID_IMAGE_URL', `The image URL must be at most ${IMAGE_URL_MAX} characters.`)
  }
})
