import type { ModelSpec } from '@app/shared-types'
import { invalidParameter } from './errors.ts'
import { isRecord } from './guards.ts'

/** The prompt text and raw image references of a request, before any checks on the images. */
export interface RequestInput {
  text: string
  images: unknown[]
}

const imageCountMessage = (model: ModelSpec): string =>
  model.references.max === 0
    ? `${model.id} does not accept input images.`
    : `${model.id} takes ${model.references.min} to ${model.references.max} input images.`

/**
 * Step 4 for the sync route: exactly one `user` message holding exactly one `{ text }`, and as
 * many `{ image }` items as the model takes.
 */
export const readMessages = (input: unknown, model: ModelSpec): RequestInput => {
  const messages = isRecord(input) ? input.messages : undefined
  if (!Array.isArray(messages) || messages.length !== 1) throw invalidParameter()
  const [message] = messages
  if (!isRecord(message) || message.role !== 'user' || !Array.isArray(message.content)) {
    throw invalidParameter()
  }
  const texts: unknown[] = []
  const images: unknown[] = []
  for (const item of message.content) {
    if (isRecord(item) && 'text' in item) texts.push(item.text)
    else if (isRecord(item) && 'image' in item) images.push(item.image)
    else throw invalidParameter()
  }
  const [text] = texts
  if (texts.length !== 1 || typeof text !== 'string' || text.trim() === '') throw invalidParameter()
  if (images.length < model.references.min || images.length > model.references.max) {
    throw invalidParameter(imageCountMessage(model))
  }
  return { text, images }
}

/** Step 4 for the async route: a non-empty `input.prompt`. */
export const readAsyncInput = (input: unknown): RequestInput => {
  const prompt = isRecord(input) ? input.prompt : undefined
  if (typeof prompt !== 'string' || prompt.trim() === '') throw invalidParameter()
  return { text: prompt, images: [] }
}
