import { describe, expect, it } from 'vitest'
import { applyPreset, defaultFields, isEdited, parseFields, sizeToSend } from './fields.ts'
import { BASE_NEG, MATCH_LAST_PHOTO } from './presets.ts'
import { testConfig } from './test-config.ts'

const config = testConfig()

describe('defaultFields', () => {
  it('should start Product Shoot with the Product Hero Shot preset', () => {
    const fields = defaultFields('product-shoot', config)
    expect(fields).toMatchObject({
      presetId: 'product-hero',
      negativePrompt: BASE_NEG,
      size: '1328*1328',
      n: 1,
      seed: '',
      promptExtend: true,
    })
    expect(fields.prompt).toMatch(/^Professional product hero shot/)
  })
  it('should start Ad Graphic empty and Square', () => {
    expect(defaultFields('ad-graphic', config)).toMatchObject({
      prompt: '',
      negativePrompt: '',
      size: '1328*1328',
    })
  })
})

describe('applyPreset', () => {
  it('should change fields that are not edited silently', () => {
    const next = applyPreset(defaultFields('product-shoot', config), 'social-story', true)
    expect(next).toMatchObject({ presetId: 'social-story', size: '928*1664' })
    expect(next.prompt).toMatch(/^Vertical product showcase/)
  })
  it('should keep edited fields with keepEdits and write them without', () => {
    const edited = { ...defaultFields('product-shoot', config), prompt: 'My own words' }
    expect(isEdited(edited, 'prompt')).toBe(true)
    expect(isEdited(edited, 'negativePrompt')).toBe(false)
    const kept = applyPreset(edited, 'custom', true)
    expect(kept).toMatchObject({
      prompt: 'My own words',
      negativePrompt: '',
      size: MATCH_LAST_PHOTO,
    })
    expect(applyPreset(edited, 'custom', false).prompt).toBe('')
  })
  it('should not count an emptied field as edited', () => {
    const emptied = { ...defaultFields('product-shoot', config), negativePrompt: '' }
    expect(isEdited(emptied, 'negativePrompt')).toBe(false)
  })
})

describe('parseFields', () => {
  it('should keep values of the right type and fall back for the rest', () => {
    const defaults = defaultFields('ad-graphic', config)
    const parsed = parseFields({ prompt: 'Bread', n: 'two', templates: { a: 1 } }, defaults)
    expect(parsed).toMatchObject({ prompt: 'Bread', n: 1, templates: {} })
  })
})

describe('sizeToSend', () => {
  it('should send no size for "Match last photo" and W*H for Custom', () => {
    const fields = defaultFields('product-shoot', config)
    expect(sizeToSend({ ...fields, size: MATCH_LAST_PHOTO })).toBeUndefined()
    expect(
      sizeToSend({ ...fields, size: 'custom', customWidth: '1024', customHeight: '768' })
    ).toBe('1024*768')
  })
})
