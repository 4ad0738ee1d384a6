import { describe, expect, it } from 'vitest'
import { API_ERRORS } from './error-codes.ts'
import { apiErrorBodySchema, apiErrorCodeSchema } from './errors.ts'

describe('API_ERRORS', () => {
  it('should give every code an HTTP error status and a retry policy', () => {
    for (const code of apiErrorCodeSchema.options) {
      expect(API_ERRORS[code].status).toBeGreaterThanOrEqual(400)
      expect(typeof API_ERRORS[code].retryable).toBe('boolean')
    }
    expect(Object.keys(API_ERRORS).sort()).toEqual([...apiErrorCodeSchema.options].sort())
  })

  it('should let clients retry only transient failures', () => {
    const retryable = apiErrorCodeSchema.options.filter((code) => API_ERRORS[code].retryable)
    expect(retryable.sort()).toEqual(
      ['INTERNAL', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'UPSTREAM_FAILED'].sort()
    )
  })
})

describe('apiErrorBodySchema', () => {
  it('should accept the envelope with and without details', () => {
    const body = { error: { code: 'NOT_FOUND', message: 'No such route', requestId: 'r1' } }
    expect(apiErrorBodySchema.parse(body)).toEqual(body)
    const withDetails = {
      error: { ...body.error, code: 'VALIDATION_FAILED', details: [{ path: 'n', message: 'x' }] },
    }
    expect(apiErrorBodySchema.safeParse(withDetails).success).toBe(true)
  })

  it('should reject an unknown code and a bare string', () => {
    const bad = { error: { code: 'OOPS', message: 'x', requestId: 'r' } }
    expect(apiErrorBodySchema.safeParse(bad).error?.issues[0]?.path).toEqual(['error', 'code'])
    expect(apiErrorBodySchema.safeParse('Not found').success).toBe(false)
  })
})
