import type { ModelSpec, PublicConfig, Workflow } from '@app/shared-types'
import { CUSTOM_SIZE, MATCH_LAST_PHOTO, presetById, USE_CASE_PRESETS } from './presets.ts'

/**
 * The fields a preset writes, and so the ones the never-overwrite rule watches
 * (docs/product.md §5.4).
 */
export type PresetField = 'prompt' | 'negativePrompt' | 'size'

/**
 * One studio's form. `prompt` is the shoot direction (Product Shoot) or the ad prompt (Ad Graphic).
 * `size` is a `W*H` preset value, `MATCH_LAST_PHOTO` or `CUSTOM_SIZE`.
 */
export interface StudioFields {
  presetId: string
  prompt: string
  /** Selected template id per template group id. */
  templates: Record<string, string>
  negativePrompt: string
  size: string
  customWidth: string
  customHeight: string
  n: number
  seed: string
  promptExtend: boolean
  /** The last value the app itself put in each preset field, to tell the user's edits apart. */
  applied: Record<PresetField, string>
}

/** The size Ad Graphic starts with: Square (docs/product.md §6), else the first preset. */
const defaultFixedSize = (config: PublicConfig): string =>
  config.sizePresets.find((preset) => preset.id === 'square')?.value ??
  config.sizePresets[0]?.value ??
  ''

/** The model a workflow uses, from the config. */
export const workflowModel = (config: PublicConfig, workflow: Workflow): ModelSpec =>
  config.workflows[workflow].model

/** A fresh form with the defaults of docs/product.md §5 and §6. */
export const defaultFields = (workflow: Workflow, config: PublicConfig): StudioFields => {
  const model = workflowModel(config, workflow)
  const base = {
    templates: {},
    customWidth: '',
    customHeight: '',
    n: model.n.min,
    seed: '',
    promptExtend: true,
  }
  if (workflow === 'ad-graphic') {
    const size = defaultFixedSize(config)
    return {
      ...base,
      presetId: '',
      prompt: '',
      negativePrompt: '',
      size,
      applied: { prompt: '', negativePrompt: '', size },
    }
  }
  const preset = USE_CASE_PRESETS[0] ?? presetById('')
  return {
    ...base,
    presetId: preset.id,
    prompt: preset.direction,
    negativePrompt: preset.negativePrompt,
    size: preset.size,
    applied: { prompt: preset.direction, negativePrompt: preset.negativePrompt, size: preset.size },
  }
}

const pick = <T>(raw: Record<string, unknown>, key: string, fallback: T): T => {
  const value = raw[key]
  return typeof value === typeof fallback && value !== null ? (value as T) : fallback
}

const stringRecord = (value: unknown): Record<string, string> =>
  typeof value === 'object' && value !== null
    ? Object.fromEntries(
        Object.entries(value).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string'
        )
      )
    : {}

/** Reads a stored draft's fields, keeping only values of the right type (drafts outlive releases). */
export const parseFields = (raw: Record<string, unknown>, defaults: StudioFields): StudioFields => {
  const applied = typeof raw.applied === 'object' && raw.applied !== null ? raw.applied : {}
  return {
    presetId: pick(raw, 'presetId', defaults.presetId),
    prompt: pick(raw, 'prompt', defaults.prompt),
    templates: stringRecord(raw.templates),
    negativePrompt: pick(raw, 'negativePrompt', defaults.negativePrompt),
    size: pick(raw, 'size', defaults.size),
    customWidth: pick(raw, 'customWidth', defaults.customWidth),
    customHeight: pick(raw, 'customHeight', defaults.customHeight),
    n: pick(raw, 'n', defaults.n),
    seed: pick(raw, 'seed', defaults.seed),
    promptExtend: pick(raw, 'promptExtend', defaults.promptExtend),
    applied: { ...defaults.applied, ...stringRecord(applied) },
  }
}

/** Whether the user changed a preset field: non-empty and unlike what the app last put there. */
export const isEdited = (fields: StudioFields, field: PresetField): boolean =>
  fields[field] !== '' && fields[field] !== fields.applied[field]

/** Whether the form differs from a fresh one (photos are compared by the caller). */
export const fieldsChanged = (fields: StudioFields, defaults: StudioFields): boolean =>
  JSON.stringify(fields) !== JSON.stringify(defaults)

/**
 * Applies a use-case preset. With `keepEdits`, fields the user edited stay as they are. Writing
 * the direction clears the templates, since their sentences went with the old text.
 */
export const applyPreset = (
  fields: StudioFields,
  presetId: string,
  keepEdits: boolean
): StudioFields => {
  const preset = presetById(presetId)
  const values: Record<PresetField, string> = {
    prompt: preset.direction,
    negativePrompt: preset.negativePrompt,
    size: preset.size,
  }
  const next: StudioFields = { ...fields, presetId: preset.id, applied: { ...fields.applied } }
  for (const field of ['prompt', 'negativePrompt', 'size'] as const) {
    if (keepEdits && isEdited(fields, field)) continue
    next[field] = values[field]
    next.applied[field] = values[field]
    if (field === 'prompt') next.templates = {}
  }
  return next
}

/** The `W*H` size to send, or undefined for "Match last photo" (and an unfinished Custom). */
export const sizeToSend = (fields: StudioFields): string | undefined => {
  if (fields.size === MATCH_LAST_PHOTO) return undefined
  if (fields.size === CUSTOM_SIZE) {
    return fields.customWidth.trim() && fields.customHeight.trim()
      ? `${fields.customWidth.trim()}*${fields.customHeight.trim()}`
      : undefined
  }
  return fields.size
}
