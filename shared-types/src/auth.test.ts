import { describe, expect, it } from 'vitest'
import { isCommonPassword } from './common-passwords.ts'
import { passwordRules } from './password-rules.ts'

describe('isCommonPassword', () => {
  it.each(['password', 'Password1', 'QWERTYUIOP', '12345678', 'iloveyou'])(
    'should refuse %s in any letter case',
    (password) => {
      expect(isCommonPassword(password)).toBe(true)
    }
  )

  it('should accept a passphrase nobody has leaked', () => {
    expect(isCommonPassword('correct horse battery')).toBe(false)
  })
})

describe('passwordRules', () => {
  it('should say which rules a password meets', () => {
    const met = (password: string) =>
      Object.fromEntries(passwordRules(password).map((rule) => [rule.id, rule.met]))
    expect(met('')).toEqual({ length: false, common: false })
    expect(met('short')).toEqual({ length: false, common: true })
    expect(met('password1')).toEqual({ length: true, common: false })
    expect(met('correct horse battery')).toEqual({ length: true, common: true })
    expect(met('x'.repeat(129))).toEqual({ length: false, common: true })
  })
})
