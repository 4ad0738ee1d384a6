import * as z from 'zod'

/** The two things a user can make; each has its own credit balance. */
export const workflowSchema = z.enum(['product-shoot', 'ad-graphic'])
export type Workflow = z.infer<typeof workflowSchema>
export const WORKFLOWS = workflowSchema.options

/** The image models the app knows how to call. Which one a workflow uses is configuration. */
export const modelIdSchema = z.enum(['qwen-image-max', 'qwen-image-plus', 'qwen-image-edit-max'])
export type ModelId = z.infer<typeof modelIdSchema>

/** The five sizes the text-to-image models accept, as labelled in the UI (`W*H` on the wire). */
export const SIZE_PRESETS = [
  { id: 'square', label: 'Square', value: '1328*1328', aspect: '1:1' },
  { id: 'landscape', label: 'Landscape', value: '1664*928', aspect: '16:9' },
  { id: 'landscape-4-3', label: 'Landscape 4:3', value: '1472*1104', aspect: '4:3' },
  { id: 'portrait-3-4', label: 'Portrait 3:4', value: '1104*1472', aspect: '3:4' },
  { id: 'story', label: 'Story', value: '928*1664', aspect: '9:16' },
] as const
export type SizePreset = (typeof SIZE_PRESETS)[number]
const FIXED_SIZES = SIZE_PRESETS.map((preset) => preset.value)

const rangeSchema = z.object({ min: z.int(), max: z.int() })

/** How a model constrains `size`: one of a fixed list, or any `W*H` inside a range. */
export const sizeRuleSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('fixed'), sizes: z.array(z.string()), default: z.string() }),
  z.object({
    type: z.literal('range'),
    min: z.int(),
    max: z.int(),
    multipleOf: z.int(),
  }),
])
export type SizeRule = z.infer<typeof sizeRuleSchema>

/** One row of the model table: everything the UI and the server check about a request. */
export const modelSpecSchema = z.object({
  id: modelIdSchema,
  kind: z.enum(['text-to-image', 'image-edit']),
  asyncApi: z.boolean(),
  size: sizeRuleSchema,
  n: rangeSchema,
  promptMax: z.int(),
  negativePromptMax: z.int(),
  references: rangeSchema,
})
export type ModelSpec = z.infer<typeof modelSpecSchema>

const TEXT_TO_IMAGE = {
  kind: 'text-to-image',
  size: { type: 'fixed', sizes: FIXED_SIZES, default: '1664*928' },
  n: { min: 1, max: 1 },
  promptMax: 800,
  negativePromptMax: 500,
  references: { min: 0, max: 0 },
} as const

/** The model table (docs/dashscope.md §4). Data, not code branches: a new model is a new row. */
export const MODELS = {
  'qwen-image-max': { ...TEXT_TO_IMAGE, id: 'qwen-image-max', asyncApi: false },
  'qwen-image-plus': { ...TEXT_TO_IMAGE, id: 'qwen-image-plus', asyncApi: true },
  'qwen-image-edit-max': {
    id: 'qwen-image-edit-max',
    kind: 'image-edit',
    asyncApi: false,
    size: { type: 'range', min: 512, max: 2048, multipleOf: 16 },
    n: { min: 1, max: 6 },
    promptMax: 800,
    negativePromptMax: 500,
    references: { min: 1, max: 3 },
  },
} as const satisfies Record<ModelId, ModelSpec>

/** The model each workflow uses unless configuration says otherwise. */
export const DEFAULT_WORKFLOW_MODELS = {
  'product-shoot': 'qwen-image-edit-max',
  'ad-graphic': 'qwen-image-max',
} as const satisfies Record<Workflow, ModelId>

/** Limits that hold whatever the model: seeds, reference photo bytes and pixels. */
export const LIMITS = {
  seedMax: 2_147_483_647,
  referenceMaxBytes: 10 * 1024 * 1024,
  referenceMinSide: 384,
  referenceMaxSide: 3072,
  referenceContentTypes: [
    'image/jpeg',
    'image/png',
    'image/webp',
    'image/bmp',
    'image/tiff',
    'image/gif',
  ],
} as const
