import { describe, expect, it } from 'vitest'
import { defaultFields, isEdited } from './fields.ts'
import { testConfig } from './test-config.ts'
import { toggleTemplate } from './toggle-template.ts'

const fields = defaultFields('product-shoot', testConfig())
const MARBLE = 'Place the product on a polished marble surface with subtle reflections'
const OUTDOOR = 'Place the product in an outdoor natural setting with greenery and soft sunlight'

describe('toggleTemplate', () => {
  it('should append, swap within the group and remove the sentence', () => {
    const on = toggleTemplate(fields, 'background', 'bg-marble', 800)
    expect(on?.prompt).toBe(`${fields.prompt}. ${MARBLE}`)
    expect(on?.templates).toEqual({ background: 'bg-marble' })
    const swapped = on && toggleTemplate(on, 'background', 'bg-outdoor', 800)
    expect(swapped?.prompt).toBe(`${fields.prompt}. ${OUTDOOR}`)
    const off = swapped && toggleTemplate(swapped, 'background', 'bg-outdoor', 800)
    expect(off?.prompt).toBe(fields.prompt)
    expect(off?.templates).toEqual({})
  })
  it('should keep the direction counted as the user’s own when they had edited it', () => {
    const edited = { ...fields, prompt: 'My mug on a shelf' }
    const on = toggleTemplate(edited, 'lighting', 'light-golden', 800)
    expect(on && isEdited(on, 'prompt')).toBe(true)
    const untouched = toggleTemplate(fields, 'lighting', 'light-golden', 800)
    expect(untouched && isEdited(untouched, 'prompt')).toBe(false)
  })
  it('should change nothing when the sentence does not fit', () => {
    expect(
      toggleTemplate({ ...fields, prompt: 'x'.repeat(780) }, 'background', 'bg-marble', 800)
    ).toBeUndefined()
  })
})
