import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { buildOpenApiDocument } from './document.ts'

describe('buildOpenApiDocument', () => {
  it('should be a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator()
    const result = await validator.validate(buildOpenApiDocument('http://127.0.0.1:8787'))
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('should catch a broken document, so the check above can fail', async () => {
    const broken = { ...buildOpenApiDocument(), paths: { 'no-leading-slash': {} } }
    expect((await new Validator().validate(broken)).valid).toBe(false)
  })

  it('should answer every documented error with the shared envelope', () => {
    const doc = buildOpenApiDocument()
    const ready = doc.paths['/api/health/ready']?.get as { responses: Record<string, unknown> }
    expect(ready.responses['503']).toEqual({
      description: 'SERVICE_UNAVAILABLE',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
    })
  })
})
