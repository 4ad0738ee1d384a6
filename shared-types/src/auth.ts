import * as z from 'zod'
import { isCommonPassword } from './common-passwords.ts'

/** Limits of the sign-up and sign-in fields, shared by the forms and the server. */
export const AUTH_LIMITS = {
  passwordMin: 8,
  passwordMax: 128,
  nameMax: 100,
  emailMax: 254,
} as const

/** The email rule the forms apply (docs/product.md §9.2); the server also checks it. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** A password within the length limits. */
export const passwordSchema = z.string().min(AUTH_LIMITS.passwordMin).max(AUTH_LIMITS.passwordMax)

/** The email and password sign-up form. */
export const signUpSchema = z.object({
  name: z.string().trim().min(1).max(AUTH_LIMITS.nameMax),
  email: z.string().trim().max(AUTH_LIMITS.emailMax).regex(EMAIL_PATTERN),
  password: passwordSchema,
})
export type SignUp = z.infer<typeof signUpSchema>

/** Social sign-in providers the app can offer when configured. */
export const socialProviderSchema = z.enum(['google', 'github'])
export type SocialProvider = z.infer<typeof socialProviderSchema>

/** better-auth-style code of the server's refusal of a password on the common-password list. */
export const PASSWORD_TOO_COMMON = 'PASSWORD_TOO_COMMON'

/** One rule a new password must meet, as the forms list it while the user types. */
export type PasswordRule = { id: 'length' | 'common'; label: string; met: boolean }

/** The rules of a new password and whether `password` meets each; the server checks the same. */
export const passwordRules = (password: string): PasswordRule[] => {
  const length = [...password].length
  return [
    {
      id: 'length',
      label: `${AUTH_LIMITS.passwordMin} to ${AUTH_LIMITS.passwordMax} characters`,
      met: length >= AUTH_LIMITS.passwordMin && length <= AUTH_LIMITS.passwordMax,
    },
    {
      id: 'common',
      label: 'Not one of the most common passwords',
      met: password !== '' && !isCommonPassword(password),
    },
  ]
}
