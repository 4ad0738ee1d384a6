import { randomInt } from 'node:crypto'
import { LIMITS, type ModelSpec } from '@app/shared-types'
import { invalidParameter } from './errors.ts'
import { isIntInRange, isRecord } from './guards.ts'
import { type PixelSize, resolveSize } from './sizes.ts'

/** The `parameters` object with defaults filled in. */
export interface GenerationParameters {
  size: PixelSize
  n: number
  seed: number
  promptExtend: boolean
  negativePrompt: string
}

const nMessage = ({ min, max }: ModelSpec['n']): string =>
  min === max
    ? `num_images_per_prompt must be ${min}`
    : `num_images_per_prompt must be between ${min} and ${max}`

/** Steps 6 and 8: checks every optional parameter and resolves the output size. */
export const readParameters = (
  raw: unknown,
  model: ModelSpec,
  lastImage?: PixelSize
): GenerationParameters => {
  const params = raw ?? {}
  if (!isRecord(params)) throw invalidParameter()
  const size = resolveSize(model.size, params.size, lastImage)
  const n = params.n ?? 1
  if (!isIntInRange(n, model.n.min, model.n.max)) throw invalidParameter(nMessage(model.n))
  // Like the service, draw a seed when none is sent, so repeated calls differ.
  const seed = params.seed ?? randomInt(0, LIMITS.seedMax + 1)
  if (!isIntInRange(seed, 0, LIMITS.seedMax)) {
    throw invalidParameter(`seed must be an integer from 0 to ${LIMITS.seedMax}.`)
  }
  for (const name of ['prompt_extend', 'watermark']) {
    if (params[name] !== undefined && typeof params[name] !== 'boolean') {
      throw invalidParameter(`${name} must be a boolean.`)
    }
  }
  const negativePrompt = params.negative_prompt ?? ''
  if (typeof negativePrompt !== 'string')
    throw invalidParameter('negative_prompt must be a string.')
  return { size, n, seed, promptExtend: params.prompt_extend !== false, negativePrompt }
}
