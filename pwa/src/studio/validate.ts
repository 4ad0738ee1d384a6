import { codePointLength, type ModelSpec, type Workflow } from '@app/shared-types'
import type { StudioFields } from './fields.ts'
import { CUSTOM_SIZE } from './presets.ts'

/** A field that can show an error, in the order the studio lays them out. */
export type FieldKey = 'photos' | 'prompt' | 'negativePrompt' | 'size' | 'n' | 'seed'

/** Error message per field; a field without a message is valid. */
export type FieldErrors = Partial<Record<FieldKey, string>>

/** The fields of each step (docs/product.md §5 and §6); step 3 is the review. */
export const STEP_FIELDS: Record<Workflow, readonly (readonly FieldKey[])[]> = {
  'product-shoot': [['photos'], ['prompt'], ['negativePrompt', 'size', 'n', 'seed']],
  'ad-graphic': [['prompt'], ['size', 'n', 'negativePrompt', 'seed'], []],
}

/** The step names per workflow. */
export const STEP_NAMES: Record<Workflow, readonly string[]> = {
  'product-shoot': ['Photos', 'Direction', 'Review'],
  'ad-graphic': ['Describe', 'Format', 'Review'],
}

/** How the credits of a workflow are named in sentences. */
export const CREDIT_NOUN: Record<Workflow, string> = {
  'product-shoot': 'product shoot',
  'ad-graphic': 'ad graphic',
}

/** What the checks need besides the fields. */
export interface ValidationContext {
  readonly workflow: Workflow
  readonly model: ModelSpec
  readonly photoCount: number
  /** Credits this workflow may still spend; undefined while unknown. */
  readonly available: number | undefined
  readonly seedMax: number
}

const checkPrompt = (fields: StudioFields, ctx: ValidationContext): string | undefined => {
  const name = ctx.workflow === 'product-shoot' ? 'Shoot direction' : 'Prompt'
  const length = codePointLength(fields.prompt)
  if (length === 0) return `${name} is required.`
  if (length > ctx.model.promptMax) {
    return `${name} must be ${ctx.model.promptMax} characters or fewer.`
  }
  return undefined
}

const isWhole = (text: string): boolean => /^\d+$/.test(text.trim())

const checkSize = (fields: StudioFields, model: ModelSpec): string | undefined => {
  const rule = model.size
  if (rule.type === 'fixed') return undefined
  if (fields.size !== CUSTOM_SIZE) return undefined
  const width = fields.customWidth.trim()
  const height = fields.customHeight.trim()
  if (width === '' || height === '') return 'Enter both width and height.'
  if (!isWhole(width) || !isWhole(height)) return 'Width and height must be whole numbers.'
  const sides = [Number(width), Number(height)]
  if (sides.some((side) => side < rule.min || side > rule.max)) {
    return `Width and height must each be between ${rule.min} and ${rule.max} px.`
  }
  if (sides.some((side) => side % rule.multipleOf !== 0)) {
    return `Width and height must be multiples of ${rule.multipleOf} (for example 1024 or ${1024 + rule.multipleOf}).`
  }
  return undefined
}

const checkCount = (fields: StudioFields, ctx: ValidationContext): string | undefined => {
  const { min, max } = ctx.model.n
  if (!Number.isInteger(fields.n) || fields.n < min || fields.n > max) {
    return `Choose between ${min} and ${max} images.`
  }
  // At 0 the out-of-credits banner speaks instead (docs/product.md §7).
  if (ctx.available !== undefined && ctx.available > 0 && fields.n > ctx.available) {
    return `${fields.n} images need ${fields.n} ${CREDIT_NOUN[ctx.workflow]} credits. You have ${ctx.available}.`
  }
  return undefined
}

const checkSeed = (seed: string, seedMax: number): string | undefined => {
  const text = seed.trim()
  if (text === '') return undefined
  return isWhole(text) && Number(text) <= seedMax
    ? undefined
    : `Seed must be a whole number from 0 to ${seedMax}.`
}

const checkPhotos = (ctx: ValidationContext): string | undefined => {
  if (ctx.model.references.max === 0) return undefined
  if (ctx.photoCount < Math.max(1, ctx.model.references.min)) {
    return 'Add at least one product photo.'
  }
  if (ctx.photoCount > ctx.model.references.max) {
    return `You can add up to ${ctx.model.references.max} photos.`
  }
  return undefined
}

/** Every field's error (docs/product.md §5, §6, §7); an empty object when the form can be sent. */
export const validateFields = (fields: StudioFields, ctx: ValidationContext): FieldErrors => {
  const errors: FieldErrors = {
    photos: checkPhotos(ctx),
    prompt: checkPrompt(fields, ctx),
    negativePrompt:
      codePointLength(fields.negativePrompt) > ctx.model.negativePromptMax
        ? `Negative prompt must be ${ctx.model.negativePromptMax} characters or fewer.`
        : undefined,
    size: checkSize(fields, ctx.model),
    n: checkCount(fields, ctx),
    seed: checkSeed(fields.seed, ctx.seedMax),
  }
  return Object.fromEntries(
    Object.entries(errors).filter((entry) => entry[1] !== undefined)
  ) as FieldErrors
}

/** The index of the first step holding an error, or -1. */
export const firstStepWithError = (workflow: Workflow, errors: FieldErrors): number =>
  STEP_FIELDS[workflow].findIndex((keys) => keys.some((key) => errors[key] !== undefined))
