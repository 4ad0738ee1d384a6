import { describe, expect, it } from 'vitest'
import { defaultFields, workflowModel } from './fields.ts'
import { fieldsFromSettings } from './prefill.ts'
import { sizeChoices } from './sizes.ts'
import { testConfig } from './test-config.ts'

const config = testConfig()
const shootChoices = sizeChoices(workflowModel(config, 'product-shoot'), config)
const shootDefaults = defaultFields('product-shoot', config)

describe('fieldsFromSettings', () => {
  it('should restore a preset size, the seed and the texts', () => {
    const fields = fieldsFromSettings(
      {
        prompt: 'A mug',
        negativePrompt: 'blur',
        size: '928*1664',
        n: 2,
        seed: 7,
        promptExtend: false,
      },
      shootDefaults,
      shootChoices,
      true
    )
    expect(fields).toMatchObject({
      presetId: 'custom',
      prompt: 'A mug',
      negativePrompt: 'blur',
      size: '928*1664',
      n: 2,
      seed: '7',
      promptExtend: false,
    })
  })
  it('should read no size as "Match last photo" and other sizes as Custom', () => {
    expect(fieldsFromSettings({ prompt: 'A' }, shootDefaults, shootChoices, true).size).toBe(
      'match'
    )
    expect(
      fieldsFromSettings({ prompt: 'A', size: '1024*768' }, shootDefaults, shootChoices, true)
    ).toMatchObject({ size: 'custom', customWidth: '1024', customHeight: '768' })
  })
})

describe('sizeChoices', () => {
  it('should offer exactly the five presets to a text-to-image model', () => {
    const choices = sizeChoices(workflowModel(config, 'ad-graphic'), config)
    expect(choices.map((choice) => choice.value)).toEqual([
      '1328*1328',
      '1664*928',
      '1472*1104',
      '1104*1472',
      '928*1664',
    ])
    expect(choices[0]?.label).toBe('Square · 1328 × 1328 (1:1)')
  })
  it('should add "Match last photo" and "Custom" for the edit model', () => {
    expect(shootChoices.map((choice) => choice.value)).toEqual([
      'match',
      '1328*1328',
      '1664*928',
      '1472*1104',
      '1104*1472',
      '928*1664',
      'custom',
    ])
  })
})
