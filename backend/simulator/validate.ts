import { codePointLength, type ModelSpec } from '@app/shared-types'
import type { JsonBody } from './body.ts'
import type { SimConfig } from './config.ts'
import { invalidParameter, SimError } from './errors.ts'
import { extractMarkers, type Fault } from './faults.ts'
import type { ImageJob } from './generation.ts'
import { isRecord } from './guards.ts'
import { type InputImage, loadInputImage } from './input-images.ts'
import { readAsyncInput, readMessages } from './validate-input.ts'
import { readParameters } from './validate-params.ts'

/** A generation request that passed validation, ready to run. */
export interface GenerationRequest {
  model: ModelSpec
  job: ImageJob
  n: number
  promptExtend: boolean
  /** Texts cut to the model's limit: `prompt`, `negative_prompt`. */
  truncated: string[]
  /** Faults scripted by `[sim:…]` markers in the prompt. */
  faults: Fault[]
}

const NO_ASYNC = 'current user api does not support asynchronous calls'
const NO_SYNC = 'current user api does not support synchronous calls'

// Over-long texts are cut silently, counted in code points as the service counts them.
const truncate = (text: string, max: number): string | null =>
  codePointLength(text) > max ? [...text.trim()].slice(0, max).join('') : null

const checkModelAndRoute = (
  route: 'sync' | 'async_create',
  body: Record<string, unknown>,
  asyncHeader: boolean,
  config: SimConfig
): ModelSpec => {
  const { model: id, input } = body
  if (typeof id !== 'string' || id === '') throw new SimError('BadRequest.EmptyModel')
  const model = Object.hasOwn(config.models, id) ? config.models[id] : undefined
  if (!model) throw new SimError('ModelNotFound')
  if (input === undefined || input === null) throw new SimError('BadRequest.EmptyInput')
  if (route === 'sync' && asyncHeader) throw new SimError('AccessDenied', NO_ASYNC)
  if (route === 'async_create' && !asyncHeader) throw new SimError('AccessDenied', NO_SYNC)
  if (route === 'async_create' && !model.asyncApi) throw new SimError('AccessDenied', NO_ASYNC)
  return model
}

/**
 * Validates a generation POST in the order of docs/dashscope.md §12.4; the first failure is thrown
 * as the service's error. Input URLs are fetched, so this is async.
 */
export const validateGeneration = async (
  route: 'sync' | 'async_create',
  body: JsonBody,
  asyncHeader: boolean,
  config: SimConfig
): Promise<GenerationRequest> => {
  if (body.tooLarge) throw new SimError('BadRequest.TooLarge')
  if (!body.parsed || !isRecord(body.json)) throw invalidParameter()
  const model = checkModelAndRoute(route, body.json, asyncHeader, config)
  const input =
    route === 'sync' ? readMessages(body.json.input, model) : readAsyncInput(body.json.input)
  const images: InputImage[] = []
  for (const ref of input.images) images.push(await loadInputImage(ref, config.strict_inputs))
  const params = readParameters(body.json.parameters, model, images.at(-1))
  const marked = extractMarkers(input.text)
  if (marked.errors.length > 0) throw invalidParameter(marked.errors[0])
  const prompt = truncate(marked.text, model.promptMax)
  const negativePrompt = truncate(params.negativePrompt, model.negativePromptMax)
  return {
    model,
    job: {
      model: model.id,
      prompt: prompt ?? marked.text,
      negativePrompt: negativePrompt ?? params.negativePrompt,
      seed: params.seed,
      ...params.size,
      inputs: images,
    },
    n: params.n,
    promptExtend: params.promptExtend,
    truncated: [
      prompt === null ? [] : ['prompt'],
      negativePrompt === null ? [] : ['negative_prompt'],
    ].flat(),
    faults: marked.faults,
  }
}
