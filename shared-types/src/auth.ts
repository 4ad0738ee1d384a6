import * as z from 'zod'

/** Limits of the sign-up and sign-in fields, shared by the forms and the server. */
export const AUTH_LIMITS = {
  passwordMin: 8,
  passwordMax: 128,
  nameMax: 100,
  emailMax: 254,
} as const

/** The email rule the forms apply (product.md §9.2); the server also checks it. */
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
