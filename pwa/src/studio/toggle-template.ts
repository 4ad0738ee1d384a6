import { isEdited, type StudioFields } from './fields.ts'
import { templateById } from './presets.ts'
import { removeSentence, selectTemplate } from './templates.ts'

/**
 * Turns a template chip on or off (docs/product.md §5.4): adds, swaps or removes its sentence, or
 * returns undefined when it does not fit in `max`. The app counts the result as its own text
 * only when the user had not edited the direction, so a later preset never overwrites their words.
 */
export const toggleTemplate = (
  fields: StudioFields,
  groupId: string,
  templateId: string,
  max: number
): StudioFields | undefined => {
  const template = templateById(templateId)
  if (!template) return fields
  const current = fields.templates[groupId]
  const templates = { ...fields.templates }
  let prompt: string
  if (current === template.id) {
    prompt = removeSentence(fields.prompt, template.sentence)
    delete templates[groupId]
  } else {
    const previous = current ? templateById(current)?.sentence : undefined
    const result = selectTemplate(fields.prompt, template.sentence, previous, max)
    if (!result.ok) return undefined
    prompt = result.text
    templates[groupId] = template.id
  }
  const applied = isEdited(fields, 'prompt') ? fields.applied : { ...fields.applied, prompt }
  return { ...fields, prompt, templates, applied }
}
