import type { GenerationParams, ModelSpec } from '@app/shared-types'
import * as z from 'zod'
import type { ReferenceSource } from './streamed-body.ts'

/** Inputs of one provider call, in the order the user chose the photos. */
export type ProviderRequest = {
  model: ModelSpec
  params: GenerationParams
  references: ReferenceSource[]
}

const parameters = ({ params }: ProviderRequest) => ({
  n: params.n,
  prompt_extend: params.promptExtend,
  watermark: false,
  ...(params.negativePrompt ? { negative_prompt: params.negativePrompt } : {}),
  ...(params.size ? { size: params.size } : {}),
  ...(params.seed !== undefined ? { seed: params.seed } : {}),
})

/**
 * The body of the sync endpoint: images before the one text item (docs/dashscope.md §5.1). `images`
 * holds one string per reference, in order: the data URI, or a placeholder the streamed body
 * replaces with it.
 */
export const syncBody = (request: ProviderRequest, images: string[]) => ({
  model: request.model.id,
  input: {
    messages: [
      {
        role: 'user',
        content: [...images.map((image) => ({ image })), { text: request.params.prompt }],
      },
    ],
  },
  parameters: parameters(request),
})

/** The body of an async task create (docs/dashscope.md §6.1): the prompt sits in `input.prompt`. */
export const taskBody = (request: ProviderRequest) => ({
  model: request.model.id,
  input: { prompt: request.params.prompt },
  parameters: parameters(request),
})

/** Both `usage` shapes (docs/dashscope.md §7); either may be missing. */
const usageSchema = z
  .object({
    image_count: z.number().optional(),
    output_image_count: z.number().optional(),
  })
  .loose()
  .optional()

const syncResponseSchema = z
  .object({
    request_id: z.string().optional(),
    code: z.string().optional(),
    output: z
      .object({
        choices: z
          .array(
            z
              .object({
                message: z
                  .object({
                    content: z
                      .array(z.object({ image: z.unknown().optional() }).loose())
                      .optional(),
                  })
                  .loose()
                  .optional(),
              })
              .loose()
          )
          .optional(),
      })
      .loose()
      .optional(),
    usage: usageSchema,
  })
  .loose()

/** What a successful call delivered: result URLs, and the images the provider says it billed. */
export type ProviderResult = { requestId: string | undefined; urls: string[]; billed: number }

const billed = (usage: z.infer<typeof usageSchema>, urls: string[]) =>
  usage?.image_count ?? usage?.output_image_count ?? urls.length

/** Reads a sync answer; `undefined` when it is not a success (no images, or a top-level code). */
export const parseSyncResult = (json: unknown): ProviderResult | undefined => {
  const parsed = syncResponseSchema.safeParse(json)
  if (!parsed.success || parsed.data.code) return undefined
  const urls = (parsed.data.output?.choices ?? [])
    .flatMap((choice) => choice.message?.content ?? [])
    .map((item) => item.image)
    .filter((image): image is string => typeof image === 'string' && image.length > 0)
  if (urls.length === 0) return undefined
  return { requestId: parsed.data.request_id, urls, billed: billed(parsed.data.usage, urls) }
}

/** Task states (docs/dashscope.md §6.4); `SUSPENDED` and anything unknown count as not finished. */
export const taskStatusSchema = z.enum([
  'PENDING',
  'RUNNING',
  'SUSPENDED',
  'SUCCEEDED',
  'FAILED',
  'CANCELED',
  'UNKNOWN',
])
export type TaskStatus = z.infer<typeof taskStatusSchema>

const taskResponseSchema = z
  .object({
    request_id: z.string().optional(),
    output: z
      .object({
        task_id: z.string().optional(),
        task_status: z.string(),
        code: z.string().optional(),
        message: z.string().optional(),
        results: z.array(z.object({ url: z.string().optional() }).loose()).optional(),
      })
      .loose(),
    usage: usageSchema,
  })
  .loose()

/** One reading of an async task. */
export type TaskReading = {
  taskId: string | undefined
  status: TaskStatus
  result: ProviderResult | undefined
  code: string | undefined
  message: string | undefined
}

/** Reads a task create or query answer; `undefined` when it is not one. */
export const parseTask = (json: unknown): TaskReading | undefined => {
  const parsed = taskResponseSchema.safeParse(json)
  if (!parsed.success) return undefined
  const { output, usage, request_id } = parsed.data
  const status = taskStatusSchema.catch('SUSPENDED').parse(output.task_status)
  const urls = (output.results ?? [])
    .map((item) => item.url)
    .filter((url): url is string => typeof url === 'string' && url.length > 0)
  return {
    taskId: output.task_id,
    status,
    result:
      urls.length > 0 ? { requestId: request_id, urls, billed: billed(usage, urls) } : undefined,
    code: output.code,
    message: output.message,
  }
}
