import { describe, expect, it } from 'vitest'
import { codeForStatus, parseRetryAfter } from './http.ts'

describe('codeForStatus', () => {
  it.each([
    [400, 'VALIDATION_FAILED'],
    [405, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [413, 'PAYLOAD_TOO_LARGE'],
    [415, 'UNSUPPORTED_MEDIA_TYPE'],
    [429, 'RATE_LIMITED'],
    [503, 'SERVICE_UNAVAILABLE'],
    [502, 'INTERNAL'],
    [418, 'VALIDATION_FAILED'],
  ])('should name %i %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code)
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-12-04T12:00:00Z')

  it('should read seconds and HTTP dates, as milliseconds from now', () => {
    expect(parseRetryAfter('3', now)).toBe(3000)
    expect(parseRetryAfter(' 0 ', now)).toBe(0)
    expect(parseRetryAfter('Fri, 04 Dec 2026 12:02:00 GMT', now)).toBe(120_000)
  })

  it('should give nothing for what is missing or unreadable, and never a time in the past', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined()
    expect(parseRetryAfter('', now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter('-5', now)).toBeUndefined()
    expect(parseRetryAfter('1.5', now)).toBeUndefined()
    expect(parseRetryAfter('Fri, 04 Dec 2026 11:00:00 GMT', now)).toBe(0)
  })
})
