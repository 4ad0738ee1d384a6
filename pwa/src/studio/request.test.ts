import { describe, expect, it } from 'vitest'
import { IDENTITY_PHRASE } from './augment.ts'
import { defaultFields, workflowModel } from './fields.ts'
import { MATCH_LAST_PHOTO } from './presets.ts'
import { buildRequest } from './request.ts'
import { testConfig } from './test-config.ts'

const config = testConfig()

describe('buildRequest', () => {
  it('should send the effective negative prompt, no watermark and no empty seed', () => {
    const fields = { ...defaultFields('product-shoot', config), prompt: 'A model holding the mug' }
    const { request, negative } = buildRequest(
      'product-shoot',
      fields,
      workflowModel(config, 'product-shoot')
    )
    expect(request).toEqual({
      workflow: 'product-shoot',
      prompt: 'A model holding the mug',
      negativePrompt: `${fields.negativePrompt}, ${IDENTITY_PHRASE}`,
      size: '1328*1328',
      n: 1,
      promptExtend: true,
    })
    expect(negative.added).toBe(`, ${IDENTITY_PHRASE}`)
  })
  it('should omit the size for "Match last photo" and send a set seed as a number', () => {
    const fields = {
      ...defaultFields('product-shoot', config),
      size: MATCH_LAST_PHOTO,
      seed: ' 42 ',
    }
    const { request } = buildRequest(
      'product-shoot',
      fields,
      workflowModel(config, 'product-shoot')
    )
    expect(request).not.toHaveProperty('size')
    expect(request.seed).toBe(42)
  })
  it('should never augment an ad graphic', () => {
    const fields = { ...defaultFields('ad-graphic', config), prompt: 'A woman with bread' }
    const { request } = buildRequest('ad-graphic', fields, workflowModel(config, 'ad-graphic'))
    expect(request).toEqual({
      workflow: 'ad-graphic',
      prompt: 'A woman with bread',
      size: '1328*1328',
      n: 1,
      promptExtend: true,
    })
  })
})
