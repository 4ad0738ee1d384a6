import { describe, expect, it } from 'vitest'
import { defaultFields, workflowModel } from './fields.ts'
import { testConfig } from './test-config.ts'
import { firstStepWithError, type ValidationContext, validateFields } from './validate.ts'

const config = testConfig()
const shoot: ValidationContext = {
  workflow: 'product-shoot',
  model: workflowModel(config, 'product-shoot'),
  photoCount: 1,
  available: 5,
  seedMax: config.limits.seedMax,
}
const fields = defaultFields('product-shoot', config)

describe('validateFields', () => {
  it('should accept the defaults with one photo', () => {
    expect(validateFields(fields, shoot)).toEqual({})
  })
  it('should ask for photos and a direction', () => {
    expect(validateFields({ ...fields, prompt: '  ' }, { ...shoot, photoCount: 0 })).toEqual({
      photos: 'Add at least one product photo.',
      prompt: 'Shoot direction is required.',
    })
  })
  it('should count code points against the limits', () => {
    const errors = validateFields(
      { ...fields, prompt: '😀'.repeat(801), negativePrompt: 'x'.repeat(501) },
      shoot
    )
    expect(errors.prompt).toBe('Shoot direction must be 800 characters or fewer.')
    expect(errors.negativePrompt).toBe('Negative prompt must be 500 characters or fewer.')
    expect(validateFields({ ...fields, prompt: '😀'.repeat(800) }, shoot)).toEqual({})
  })
  it.each([
    ['', '1024', 'Enter both width and height.'],
    ['10.5', '1024', 'Width and height must be whole numbers.'],
    ['256', '1024', 'Width and height must each be between 512 and 2048 px.'],
    ['1030', '1024', 'Width and height must be multiples of 16 (for example 1024 or 1040).'],
  ])('should check a custom size of %s × %s', (customWidth, customHeight, message) => {
    expect(
      validateFields({ ...fields, size: 'custom', customWidth, customHeight }, shoot).size
    ).toBe(message)
  })
  it('should block more images than credits, with the exact message', () => {
    expect(validateFields({ ...fields, n: 3 }, { ...shoot, available: 2 }).n).toBe(
      '3 images need 3 product shoot credits. You have 2.'
    )
    expect(validateFields({ ...fields, n: 7 }, shoot).n).toBe('Choose between 1 and 6 images.')
  })
  it('should check the seed', () => {
    const message = 'Seed must be a whole number from 0 to 2147483647.'
    expect(validateFields({ ...fields, seed: '-1' }, shoot).seed).toBe(message)
    expect(validateFields({ ...fields, seed: '2147483648' }, shoot).seed).toBe(message)
    expect(validateFields({ ...fields, seed: '42' }, shoot).seed).toBeUndefined()
  })
  it('should name the ad prompt and need no photos for Ad Graphic', () => {
    const ad: ValidationContext = {
      ...shoot,
      workflow: 'ad-graphic',
      model: workflowModel(config, 'ad-graphic'),
      photoCount: 0,
    }
    expect(validateFields(defaultFields('ad-graphic', config), ad)).toEqual({
      prompt: 'Prompt is required.',
    })
  })
})

describe('firstStepWithError', () => {
  it('should find the first step holding an error', () => {
    expect(firstStepWithError('product-shoot', { seed: 'x', prompt: 'y' })).toBe(1)
    expect(firstStepWithError('ad-graphic', {})).toBe(-1)
  })
})
