import { type ModelSpec, type PublicConfig, parseSize } from '@app/shared-types'
import type { StudioFields } from './fields.ts'
import { CUSTOM_SIZE, MATCH_LAST_PHOTO } from './presets.ts'

/** One size the studio offers. */
export interface SizeChoice {
  readonly value: string
  /** The whole label, as the select and the review show it. */
  readonly label: string
  /** The preset's own name ("Square"), for cards. */
  readonly name: string
  /** "1328 × 1328 (1:1)", for cards; empty for "Match last photo" and "Custom". */
  readonly detail: string
  readonly aspect?: string
}

/** "1328 × 1328" for a `W*H` value (docs/product.md §3). */
export const displaySize = (value: string): string => {
  const { width, height } = parseSize(value)
  return `${width} × ${height}`
}

/**
 * The sizes the model takes, from the config's presets: exactly the fixed list for text to image;
 * "Match last photo", the presets that fit and "Custom" for a range rule.
 */
export const sizeChoices = (model: ModelSpec, config: PublicConfig): SizeChoice[] => {
  const rule = model.size
  const presets = config.sizePresets
    .filter((preset) => {
      if (rule.type === 'fixed') return rule.sizes.includes(preset.value)
      const { width, height } = parseSize(preset.value)
      return [width, height].every((side) => side >= rule.min && side <= rule.max)
    })
    .map((preset) => {
      const detail = `${displaySize(preset.value)} (${preset.aspect})`
      return {
        value: preset.value,
        label: `${preset.label} · ${detail}`,
        name: preset.label,
        detail,
        aspect: preset.aspect,
      }
    })
  if (rule.type === 'fixed') return presets
  return [
    { value: MATCH_LAST_PHOTO, label: 'Match last photo', name: 'Match last photo', detail: '' },
    ...presets,
    { value: CUSTOM_SIZE, label: 'Custom', name: 'Custom', detail: '' },
  ]
}

/** The size as the review and the result read it. */
export const sizeLabel = (fields: StudioFields, choices: readonly SizeChoice[]): string => {
  if (fields.size === CUSTOM_SIZE) {
    return `${fields.customWidth.trim()} × ${fields.customHeight.trim()}`
  }
  return choices.find((choice) => choice.value === fields.size)?.label ?? fields.size
}
