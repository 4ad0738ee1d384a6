import { describe, expect, it } from 'vitest'
import { effectiveNegative, IDENTITY_PHRASE } from './augment.ts'

describe('effectiveNegative', () => {
  it('should append the phrase after ", " when the direction mentions a person', () => {
    expect(effectiveNegative('A woman holding the mug', 'blur', 500)).toEqual({
      text: `blur, ${IDENTITY_PHRASE}`,
      added: `, ${IDENTITY_PHRASE}`,
      tooLong: false,
    })
  })
  it('should use the phrase alone when the negative prompt is empty', () => {
    expect(effectiveNegative('family portrait', ' ', 500).text).toBe(IDENTITY_PHRASE)
  })
  it('should add it once only', () => {
    const negative = `blur, ${IDENTITY_PHRASE.toUpperCase()}`
    expect(effectiveNegative('a model', negative, 500)).toMatchObject({
      text: negative,
      added: null,
    })
  })
  it('should skip and say so when the result would pass the limit', () => {
    expect(effectiveNegative('a man', 'x'.repeat(450), 500)).toMatchObject({
      added: null,
      tooLong: true,
    })
  })
  it('should leave directions without people alone', () => {
    expect(effectiveNegative('A mug on marble', 'blur', 500)).toMatchObject({
      text: 'blur',
      added: null,
    })
  })
})
