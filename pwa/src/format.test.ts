import { describe, expect, it } from 'vitest'
import { formatDateTime } from './format.ts'

describe('formatDateTime', () => {
  it('should write a date and time in English, as the rest of the app', () => {
    const local = new Date(2026, 10, 22, 14, 4)
    expect(formatDateTime(local)).toMatch(/^Nov 22, 2026, 2:04\sPM$/)
    expect(formatDateTime(local.toISOString())).toBe(formatDateTime(local))
  })
})
