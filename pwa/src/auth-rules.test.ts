import { describe, expect, it } from 'vitest'
import { checkAll, checkEmail, checkPassword } from './auth-rules.ts'
import { COMMON_PASSWORD_TEXT } from './data/error-text.ts'

describe('auth form rules', () => {
  it('should ask for an email, then a valid one', () => {
    expect(checkEmail('  ')).toBe('Enter your email.')
    expect(checkEmail('me@example')).toBe('Enter a valid email address.')
    expect(checkEmail(' me@example.com ')).toBeUndefined()
  })

  it('should apply the length rules to new passwords only', () => {
    expect(checkPassword('', { isNew: false })).toBe('Enter your password.')
    expect(checkPassword('short', { isNew: false })).toBeUndefined()
    expect(checkPassword('short', { isNew: true })).toBe('Password must be at least 8 characters.')
    expect(checkPassword('x'.repeat(129), { isNew: true })).toBe(
      'Password must be at most 128 characters.'
    )
    expect(checkPassword('x'.repeat(128), { isNew: true })).toBeUndefined()
  })

  it('should refuse a common password as a new one, but still sign in with it', () => {
    expect(checkPassword('Password1', { isNew: true })).toBe(COMMON_PASSWORD_TEXT)
    expect(checkPassword('Password1', { isNew: false })).toBeUndefined()
  })

  it('should check every field of the create-account form together', () => {
    expect(
      checkAll(
        { name: '', email: 'a@b.co', password: 'long enough', confirm: 'long enougH' },
        {
          isNew: true,
        }
      )
    ).toEqual({ name: 'Enter your name.', confirm: 'Passwords do not match.' })
    expect(
      checkAll(
        { name: 'A', email: 'a@b.co', password: 'long enough', confirm: 'long enough' },
        {
          isNew: true,
        }
      )
    ).toEqual({})
  })
})
