import * as z from 'zod'
import { AUTH_LIMITS, EMAIL_PATTERN, SOCIAL_PROVIDERS } from './auth-rules.ts'

/** A password within the length limits. */
export const passwordSchema = z.string().min(AUTH_LIMITS.passwordMin).max(AUTH_LIMITS.passwordMax)

/** The email and password sign-up form. */
export const signUpSchema = z.object({
  name: z.string().trim().min(1).max(AUTH_LIMITS.nameMax),
  email: z.string().trim().max(AUTH_LIMITS.emailMax).regex(EMAIL_PATTERN),
  password: passwordSchema,
})
export type SignUp = z.infer<typeof signUpSchema>

/** The social sign-in providers of `SOCIAL_PROVIDERS` (auth-rules.ts) as a schema. */
export const socialProviderSchema = z.enum(SOCIAL_PROVIDERS)
