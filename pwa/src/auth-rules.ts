import { AUTH_LIMITS, EMAIL_PATTERN, isCommonPassword } from '@app/shared-types'
import { COMMON_PASSWORD_TEXT } from './data/error-text.ts'

/** The sign-in and account fields the forms check (docs/product.md §9.2). */
export type AuthField = 'name' | 'email' | 'password' | 'confirm'

/** What the user typed, by field; absent fields are not on the form. */
export type AuthValues = Partial<Record<AuthField, string>>

/** A message per field that fails its rule. */
export type AuthErrors = Partial<Record<AuthField, string>>

/** The message for the name field, or undefined when it is fine. */
export const checkName = (value: string): string | undefined =>
  value.trim() === '' ? 'Enter your name.' : undefined

/** The message for the email field, or undefined when it is fine. */
export const checkEmail = (value: string): string | undefined => {
  const email = value.trim()
  if (email === '') return 'Enter your email.'
  return EMAIL_PATTERN.test(email) ? undefined : 'Enter a valid email address.'
}

/**
 * The message for a password field. Sign-in only asks for something, since older accounts may
 * predate a rule; new passwords get the length rules.
 */
export const checkPassword = (value: string, { isNew }: { isNew: boolean }): string | undefined => {
  if (value === '') return 'Enter your password.'
  if (!isNew) return undefined
  const length = [...value].length
  if (length < AUTH_LIMITS.passwordMin) return 'Password must be at least 8 characters.'
  if (length > AUTH_LIMITS.passwordMax) return 'Password must be at most 128 characters.'
  if (isCommonPassword(value)) return COMMON_PASSWORD_TEXT
  return undefined
}

/** The message for the confirm field, or undefined when it matches. */
export const checkConfirm = (password: string, confirm: string): string | undefined =>
  password === confirm ? undefined : 'Passwords do not match.'

/** Checks one field of a form against the others. */
export const checkField = (
  field: AuthField,
  values: AuthValues,
  { isNew }: { isNew: boolean }
): string | undefined => {
  const value = values[field] ?? ''
  if (field === 'name') return checkName(value)
  if (field === 'email') return checkEmail(value)
  if (field === 'password') return checkPassword(value, { isNew })
  return checkConfirm(values.password ?? '', value)
}

/** Checks every field present in `values`; an empty result means the form may be sent. */
export const checkAll = (values: AuthValues, options: { isNew: boolean }): AuthErrors => {
  const errors: AuthErrors = {}
  for (const field of Object.keys(values) as AuthField[]) {
    const message = checkField(field, values, options)
    if (message) errors[field] = message
  }
  return errors
}
