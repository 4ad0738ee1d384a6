import { codePointLength } from '@app/shared-types'

/** The phrase added to protect people's identity (docs/product.md §5.6). */
export const IDENTITY_PHRASE = 'different ethnicity, different hair color, different face shape'

const PEOPLE = /\b(person|model|woman|man|couple|family|portrait)\b/i

/** The negative prompt a Product Shoot request carries, and which part the app added. */
export interface EffectiveNegative {
  /** What is sent (trimmed). */
  readonly text: string
  /** The part the app appended, or null. */
  readonly added: string | null
  /** True when the phrase was due but did not fit. */
  readonly tooLong: boolean
}

/**
 * Appends the identity phrase when the direction mentions people, once only, and only when the
 * result stays within `max` code points. The user's field is never changed.
 */
export const effectiveNegative = (
  direction: string,
  negative: string,
  max: number
): EffectiveNegative => {
  const text = negative.trim()
  if (!PEOPLE.test(direction) || text.toLowerCase().includes(IDENTITY_PHRASE)) {
    return { text, added: null, tooLong: false }
  }
  const added = text === '' ? IDENTITY_PHRASE : `, ${IDENTITY_PHRASE}`
  const next = `${text}${added}`
  if (codePointLength(next) > max) return { text, added: null, tooLong: true }
  return { text: next, added, tooLong: false }
}
