import type { GenerationRequestInput, ModelSpec, Workflow } from '@app/shared-types'
import { type EffectiveNegative, effectiveNegative } from './augment.ts'
import { type StudioFields, sizeToSend } from './fields.ts'

/** The request the studio sends, and the negative prompt shown in "What will be sent". */
export interface BuiltRequest {
  readonly request: GenerationRequestInput
  readonly negative: EffectiveNegative
}

/**
 * Builds the `request` of `POST /api/generations` from valid fields. `watermark` is never sent
 * (the server fixes it to false); `seed` only when set; `size` not for "Match last photo".
 */
export const buildRequest = (
  workflow: Workflow,
  fields: StudioFields,
  model: ModelSpec
): BuiltRequest => {
  const prompt = fields.prompt.trim()
  const negative =
    workflow === 'product-shoot'
      ? effectiveNegative(prompt, fields.negativePrompt, model.negativePromptMax)
      : { text: fields.negativePrompt.trim(), added: null, tooLong: false }
  const size = sizeToSend(fields)
  const seed = fields.seed.trim()
  const request: GenerationRequestInput = {
    workflow,
    prompt,
    n: fields.n,
    promptExtend: fields.promptExtend,
    ...(negative.text === '' ? {} : { negativePrompt: negative.text }),
    ...(size === undefined ? {} : { size }),
    ...(seed === '' ? {} : { seed: Number(seed) }),
  }
  return { request, negative }
}
