import { describe, expect, it } from 'vitest'
import {
  checkRequestForModel,
  type GenerationRequestInput,
  generationRequestSchema,
  generationSchema,
} from './generations.ts'
import { LIMITS, MODELS, type ModelSpec } from './models.ts'

const parse = (input: GenerationRequestInput) => generationRequestSchema.parse(input)
const paths = (
  input: GenerationRequestInput,
  model: ModelSpec = MODELS['qwen-image-max'],
  refs = 0
) => checkRequestForModel(parse(input), model, refs).map((p) => p.path)

describe('generationRequestSchema', () => {
  it('should fill the defaults and trim the prompt', () => {
    expect(parse({ workflow: 'ad-graphic', prompt: '  fresh bread  ' })).toEqual({
      workflow: 'ad-graphic',
      prompt: 'fresh bread',
      n: 1,
      promptExtend: true,
      watermark: false,
    })
  })

  it.each([
    [{ workflow: 'video', prompt: 'x' }, 'workflow'],
    [{ workflow: 'ad-graphic', prompt: '   ' }, 'prompt'],
    [{ workflow: 'ad-graphic', prompt: 'x', size: '1328x1328' }, 'size'],
    [{ workflow: 'ad-graphic', prompt: 'x', seed: LIMITS.seedMax + 1 }, 'seed'],
    [{ workflow: 'ad-graphic', prompt: 'x', seed: 1.5 }, 'seed'],
    [{ workflow: 'ad-graphic', prompt: 'x', watermark: true }, 'watermark'],
    [{ workflow: 'ad-graphic', prompt: 'x', extra: 1 }, ''],
  ])('should reject %o at %s', (input, path) => {
    const result = generationRequestSchema.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path.join('.')).toBe(path)
  })
})

describe('checkRequestForModel', () => {
  it('should count code points, not UTF-16 units', () => {
    const emoji = '🍞'.repeat(800)
    expect(paths({ workflow: 'ad-graphic', prompt: emoji })).toEqual([])
    expect(paths({ workflow: 'ad-graphic', prompt: `${emoji}x` })).toEqual(['prompt'])
    const negative = 'n'.repeat(501)
    expect(paths({ workflow: 'ad-graphic', prompt: 'x', negativePrompt: negative })).toEqual([
      'negativePrompt',
    ])
  })

  it('should allow only the five fixed sizes and one image for text-to-image models', () => {
    expect(paths({ workflow: 'ad-graphic', prompt: 'x', size: '928*1664' })).toEqual([])
    expect(paths({ workflow: 'ad-graphic', prompt: 'x', size: '1024*1024' })).toEqual(['size'])
    expect(paths({ workflow: 'ad-graphic', prompt: 'x', n: 2 })).toEqual(['n'])
    expect(paths({ workflow: 'ad-graphic', prompt: 'x' }, MODELS['qwen-image-max'], 1)).toEqual([
      'reference',
    ])
  })

  it('should apply the edit model range, multiples of 16, 1-6 images and 1-3 photos', () => {
    const edit = MODELS['qwen-image-edit-max']
    const ok = { workflow: 'product-shoot', prompt: 'x', size: '1040*2048', n: 6 } as const
    expect(paths(ok, edit, 3)).toEqual([])
    expect(paths({ ...ok, size: '1000*1024' }, edit, 1)).toEqual(['size'])
    expect(paths({ ...ok, size: '496*1024' }, edit, 1)).toEqual(['size'])
    expect(paths({ ...ok, n: 7 }, edit, 1)).toEqual(['n'])
    expect(paths(ok, edit, 0)).toEqual(['reference'])
    expect(paths(ok, edit, 4)).toEqual(['reference'])
  })
})

describe('generationSchema', () => {
  it('should parse a finished generation', () => {
    const now = new Date().toISOString()
    const generation = {
      id: '0b7e6c1e-8f2a-4a63-9d51-2f4f3c1a9e10',
      workflow: 'ad-graphic',
      status: 'succeeded',
      model: 'qwen-image-max',
      params: { prompt: 'x', n: 1, promptExtend: true, size: '1328*1328' },
      images: [{ index: 0, url: '/i/0', contentType: 'image/png', width: 1, height: 1, bytes: 10 }],
      references: [],
      error: null,
      cost: 1,
      refunded: 0,
      simulated: true,
      version: 3,
      createdAt: now,
      updatedAt: now,
      startedAt: now,
      finishedAt: now,
    }
    expect(generationSchema.parse(generation)).toEqual(generation)
    expect(generationSchema.safeParse({ ...generation, id: 'not-a-uuid' }).success).toBe(false)
  })
})
