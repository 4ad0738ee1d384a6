import * as z from 'zod'
import { balancesSchema } from './credits.ts'
import type { ErrorDetail } from './errors.ts'
import { clientIdSchema, timestampSchema } from './ids.ts'
import { LIMITS, type ModelSpec, modelIdSchema, workflowSchema } from './models.ts'
import { codePointLength } from './text.ts'

/** `W*H` with an asterisk, as DashScope writes sizes. */
export const sizeSchema = z
  .string()
  .regex(/^[1-9]\d{1,4}\*[1-9]\d{1,4}$/, 'Size must be written as W*H, for example 1328*1328')

/** Splits a valid `W*H` size into numbers. */
export const parseSize = (size: string): { width: number; height: number } => {
  const [width, height] = size.split('*').map(Number)
  return { width: width ?? 0, height: height ?? 0 }
}

/**
 * The `request` part of `POST /api/generations`, before the model's own limits are applied
 * (see `checkRequestForModel`). Unknown fields are refused so a typo never passes silently.
 */
export const generationRequestSchema = z.strictObject({
  workflow: workflowSchema,
  prompt: z.string().trim().min(1, 'Prompt is required.'),
  negativePrompt: z.string().trim().optional(),
  size: sizeSchema.optional(),
  n: z.int().min(1).default(1),
  seed: z.int().min(0).max(LIMITS.seedMax).optional(),
  promptExtend: z.boolean().default(true),
  watermark: z.literal(false).default(false),
})
export type GenerationRequest = z.infer<typeof generationRequestSchema>
export type GenerationRequestInput = z.input<typeof generationRequestSchema>

/**
 * The limits of one model applied to a parsed request: text lengths in code points, the size rule,
 * `n` and how many reference photos came with it. Returns every problem, empty when valid.
 */
export const checkRequestForModel = (
  request: GenerationRequest,
  model: ModelSpec,
  referenceCount: number
): ErrorDetail[] => {
  const problems: ErrorDetail[] = []
  if (codePointLength(request.prompt) > model.promptMax) {
    problems.push({
      path: 'prompt',
      message: `Prompt must be ${model.promptMax} characters or fewer.`,
    })
  }
  if (request.negativePrompt && codePointLength(request.negativePrompt) > model.negativePromptMax) {
    problems.push({
      path: 'negativePrompt',
      message: `Negative prompt must be ${model.negativePromptMax} characters or fewer.`,
    })
  }
  if (request.n < model.n.min || request.n > model.n.max) {
    problems.push({
      path: 'n',
      message: `Choose between ${model.n.min} and ${model.n.max} images.`,
    })
  }
  if (request.size) problems.push(...checkSize(request.size, model))
  if (referenceCount < model.references.min || referenceCount > model.references.max) {
    problems.push({
      path: 'reference',
      message:
        model.references.max === 0
          ? 'This workflow takes no reference photos.'
          : `Add between ${model.references.min} and ${model.references.max} reference photos.`,
    })
  }
  return problems
}

const checkSize = (size: string, model: ModelSpec): ErrorDetail[] => {
  const rule = model.size
  if (rule.type === 'fixed') {
    return rule.sizes.includes(size)
      ? []
      : [{ path: 'size', message: `Size must be one of ${rule.sizes.join(', ')}.` }]
  }
  const { width, height } = parseSize(size)
  const inRange = (side: number) => side >= rule.min && side <= rule.max
  if (!inRange(width) || !inRange(height)) {
    return [
      {
        path: 'size',
        message: `Width and height must each be between ${rule.min} and ${rule.max} px.`,
      },
    ]
  }
  if (width % rule.multipleOf !== 0 || height % rule.multipleOf !== 0) {
    return [{ path: 'size', message: `Width and height must be multiples of ${rule.multipleOf}.` }]
  }
  return []
}

/** Where a generation is in its life (docs/architecture.md §4). */
export const generationStatusSchema = z.enum([
  'queued',
  'running',
  'succeeded',
  'failed',
  'canceled',
])
export type GenerationStatus = z.infer<typeof generationStatusSchema>

/** Why a generation failed, in the classes the UI has words for (docs/product.md §8). */
export const generationErrorCodeSchema = z.enum([
  'CONTENT_REFUSED',
  'INPUT_UNREADABLE',
  'INVALID_SETTINGS',
  'PROVIDER_BUSY',
  'INTERNAL',
])
export type GenerationErrorCode = z.infer<typeof generationErrorCodeSchema>

/** One stored image, output or reference photo, served only to its owner. */
export const generationImageSchema = z.object({
  index: z.int().min(0),
  url: z.string(),
  contentType: z.string(),
  width: z.int().positive(),
  height: z.int().positive(),
  bytes: z.int().nonnegative(),
})
export type GenerationImage = z.infer<typeof generationImageSchema>

/** The parameters a generation was made with, exactly as sent to the provider. */
export const generationParamsSchema = z.object({
  prompt: z.string(),
  negativePrompt: z.string().optional(),
  size: sizeSchema.optional(),
  n: z.int().min(1),
  seed: z.int().min(0).max(LIMITS.seedMax).optional(),
  promptExtend: z.boolean(),
})
export type GenerationParams = z.infer<typeof generationParamsSchema>

/** The generation resource, as every route and the sync feed return it. */
export const generationSchema = z.object({
  id: clientIdSchema,
  workflow: workflowSchema,
  status: generationStatusSchema,
  model: modelIdSchema,
  params: generationParamsSchema,
  images: z.array(generationImageSchema),
  references: z.array(generationImageSchema),
  error: z.object({ code: generationErrorCodeSchema, message: z.string() }).nullable(),
  cost: z.int().nonnegative(),
  refunded: z.int().nonnegative(),
  simulated: z.boolean(),
  version: z.int().nonnegative(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  startedAt: timestampSchema.nullable(),
  finishedAt: timestampSchema.nullable(),
})
export type Generation = z.infer<typeof generationSchema>

/** The answer to an accepted `POST /api/generations`: the generation and the balances after the debit. */
export const createGenerationResponseSchema = z.object({
  generation: generationSchema,
  balances: balancesSchema,
})
export type CreateGenerationResponse = z.infer<typeof createGenerationResponseSchema>

/** Query of `GET /api/generations`: newest first, filtered, paged by an opaque cursor. */
export const generationListQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  workflow: workflowSchema.optional(),
  status: generationStatusSchema.optional(),
})
export type GenerationListQuery = z.infer<typeof generationListQuerySchema>

/** One page of `GET /api/generations`. */
export const generationPageSchema = z.object({
  items: z.array(generationSchema),
  nextCursor: z.string().nullable(),
})
export type GenerationPage = z.infer<typeof generationPageSchema>

/** Credits a request costs: one of its workflow's credits per image asked for. */
export const generationCost = (request: Pick<GenerationRequest, 'n'>): number => request.n
