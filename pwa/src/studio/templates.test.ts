import { describe, expect, it } from 'vitest'
import { TEMPLATE_GROUPS, USE_CASE_PRESETS } from './presets.ts'
import { appendSentence, removeSentence, selectTemplate } from './templates.ts'

describe('appendSentence', () => {
  it('should trim, drop one trailing period and join with ". "', () => {
    expect(appendSentence('  A red mug.  ', 'On marble')).toBe('A red mug. On marble')
  })
  it('should not join when the text is empty', () => {
    expect(appendSentence('   ', 'On marble')).toBe('On marble')
  })
})

describe('selectTemplate', () => {
  it('should replace the old sentence of the group where it still appears', () => {
    const result = selectTemplate('Mug. Old sentence. Mine', 'New sentence', 'Old sentence', 800)
    expect(result).toEqual({ ok: true, text: 'Mug. New sentence. Mine' })
  })
  it('should append when the old sentence was edited away', () => {
    const result = selectTemplate('Mug. Old sentense', 'New sentence', 'Old sentence', 800)
    expect(result).toEqual({ ok: true, text: 'Mug. Old sentense. New sentence' })
  })
  it('should refuse when the result would pass the limit', () => {
    expect(selectTemplate('x'.repeat(790), 'A sentence', undefined, 800)).toEqual({ ok: false })
  })
})

describe('removeSentence', () => {
  it('should remove the sentence with its join and leave the user text', () => {
    expect(removeSentence('Mug. Added one. My words', 'Added one')).toBe('Mug. My words')
    expect(removeSentence('Added one. My words', 'Added one')).toBe('My words')
  })
  it('should leave the text alone when the sentence no longer appears word for word', () => {
    expect(removeSentence('Mug. Added ONE', 'Added one')).toBe('Mug. Added ONE')
  })
})

describe('presets and templates', () => {
  it('should keep a preset plus one template per group within 420 characters', () => {
    const longest = TEMPLATE_GROUPS.map((group) =>
      Math.max(...group.templates.map((template) => template.sentence.length))
    )
    for (const preset of USE_CASE_PRESETS) {
      const text = longest.reduce((acc, n) => appendSentence(acc, 'x'.repeat(n)), preset.direction)
      expect(text.length).toBeLessThanOrEqual(420)
    }
  })
})
