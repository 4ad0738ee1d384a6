import { describe, expect, it } from 'vitest'
import { authErrorCode } from './client-errors.ts'

describe('authErrorCode', () => {
  it('should keep a code the PWA handles and drop any other value', () => {
    expect(authErrorCode('INVALID_EMAIL_OR_PASSWORD')).toBe('INVALID_EMAIL_OR_PASSWORD')
    expect(authErrorCode('PASSWORD_TOO_COMMON')).toBe('PASSWORD_TOO_COMMON')
    expect(authErrorCode('FAILED_TO_CREATE_USER')).toBeUndefined()
    expect(authErrorCode(401)).toBeUndefined()
    expect(authErrorCode(undefined)).toBeUndefined()
  })
})
