// The sign-in fields' limits and codes, without zod or the common-password list: the PWA reads
// them before its first paint. auth.ts builds the server's schemas from the same limits.

/** Limits of the sign-up and sign-in fields, shared by the forms and the server. */
export const AUTH_LIMITS = {
  passwordMin: 8,
  passwordMax: 128,
  nameMax: 100,
  emailMax: 254,
} as const

/** The email rule the forms apply (docs/product.md §9.2); the server also checks it. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Social sign-in providers the app can offer when configured. */
export const SOCIAL_PROVIDERS = ['google', 'github'] as const
export type SocialProvider = (typeof SOCIAL_PROVIDERS)[number]

/** Whether `value` names one of `SOCIAL_PROVIDERS`. */
export const isSocialProvider = (value: unknown): value is SocialProvider =>
  (SOCIAL_PROVIDERS as readonly unknown[]).includes(value)

/** better-auth-style code of the server's refusal of a password on the common-password list. */
export const PASSWORD_TOO_COMMON = 'PASSWORD_TOO_COMMON'
