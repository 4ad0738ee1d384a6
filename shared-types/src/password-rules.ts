import { AUTH_LIMITS } from './auth-rules.ts'
import { isCommonPassword } from './common-passwords.ts'

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
