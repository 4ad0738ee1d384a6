import { codePointLength } from '@app/shared-types'

/** What applying a template did: the new text, or why nothing changed. */
export type TemplateResult = { readonly ok: true; readonly text: string } | { readonly ok: false }

/** The message shown when a template's sentence does not fit (docs/product.md §5.4). */
export const NO_ROOM_MESSAGE =
  'Not enough room for this template. Shorten your shoot direction first.'

/** Trims the text and drops one trailing period, then joins with ". " (docs/product.md §5.4). */
export const appendSentence = (text: string, sentence: string): string => {
  const base = text.trim().replace(/\.$/, '')
  return base === '' ? sentence : `${base}. ${sentence}`
}

/** Removes `sentence` where it still appears word for word, with the join it was added with. */
export const removeSentence = (text: string, sentence: string): string => {
  if (!text.includes(sentence)) return text
  for (const joined of [`. ${sentence}`, `${sentence}. `]) {
    if (text.includes(joined)) return text.replace(joined, '')
  }
  return text.replace(sentence, '').trim()
}

/**
 * Selects a template: replaces `previous` (the same group's old sentence) where it still appears
 * word for word, otherwise appends. Refuses when the result would pass `max` code points.
 */
export const selectTemplate = (
  text: string,
  sentence: string,
  previous: string | undefined,
  max: number
): TemplateResult => {
  const next =
    previous !== undefined && text.includes(previous)
      ? text.replace(previous, sentence)
      : appendSentence(text, sentence)
  return codePointLength(next) > max ? { ok: false } : { ok: true, text: next }
}
