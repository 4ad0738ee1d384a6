import { askDialog } from '../components/app-dialog.ts'
import { applyPreset, isEdited, type PresetField, type StudioFields } from './fields.ts'
import { presetById } from './presets.ts'

const PRESET_FIELD_NAMES: Record<PresetField, string> = {
  prompt: 'shoot direction',
  negativePrompt: 'negative prompt',
  size: 'size',
}

/**
 * The form after picking use case `presetId`. A preset never overwrites typed text without asking
 * (docs/product.md §5.4): with edits, the user replaces them, keeps them, or cancels (undefined).
 */
export const choosePreset = async (
  fields: StudioFields,
  presetId: string
): Promise<StudioFields | undefined> => {
  const preset = presetById(presetId)
  const edited = (['prompt', 'negativePrompt', 'size'] as const).filter((f) => isEdited(fields, f))
  let keepEdits = false
  if (edited.length > 0) {
    const answer = await askDialog({
      title: 'Replace your edits?',
      body: `“${preset.label}” will replace what you changed in: ${edited.map((f) => PRESET_FIELD_NAMES[f]).join(', ')}.`,
      actions: [
        { label: 'Cancel', value: 'cancel' },
        { label: 'Keep my edits', value: 'keep' },
        { label: 'Replace', value: 'replace', kind: 'primary' },
      ],
    })
    if (answer === 'cancel') return undefined
    keepEdits = answer === 'keep'
  }
  return applyPreset(fields, preset.id, keepEdits)
}
