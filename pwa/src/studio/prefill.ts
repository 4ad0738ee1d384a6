import { type GenerationRequestInput, parseSize } from '@app/shared-types'
import type { StudioFields } from './fields.ts'
import { CUSTOM_SIZE, MATCH_LAST_PHOTO } from './presets.ts'
import type { SizeChoice } from './sizes.ts'

/** The parts of a sent request that "Generate again" and "Edit" put back in the form. */
export type SentSettings = Pick<
  GenerationRequestInput,
  'prompt' | 'negativePrompt' | 'size' | 'n' | 'seed' | 'promptExtend'
>

/**
 * A form holding the settings of an earlier request. The values count as put there by the app,
 * and the preset reads Custom, since the settings no longer follow one.
 */
export const fieldsFromSettings = (
  settings: SentSettings,
  defaults: StudioFields,
  choices: readonly SizeChoice[],
  hasPresets: boolean
): StudioFields => {
  const offered = choices.some((choice) => choice.value === settings.size)
  let size = defaults.size
  let customWidth = ''
  let customHeight = ''
  if (settings.size === undefined) {
    if (choices.some((choice) => choice.value === MATCH_LAST_PHOTO)) size = MATCH_LAST_PHOTO
  } else if (offered) {
    size = settings.size
  } else if (choices.some((choice) => choice.value === CUSTOM_SIZE)) {
    const parsed = parseSize(settings.size)
    size = CUSTOM_SIZE
    customWidth = String(parsed.width)
    customHeight = String(parsed.height)
  }
  const prompt = settings.prompt
  const negativePrompt = settings.negativePrompt ?? ''
  return {
    ...defaults,
    presetId: hasPresets ? 'custom' : defaults.presetId,
    prompt,
    templates: {},
    negativePrompt,
    size,
    customWidth,
    customHeight,
    n: settings.n ?? defaults.n,
    seed: settings.seed === undefined ? '' : String(settings.seed),
    promptExtend: settings.promptExtend ?? true,
    applied: { prompt, negativePrompt, size },
  }
}
