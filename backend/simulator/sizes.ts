import type { SizeRule } from '@app/shared-types'
import { invalidParameter } from './errors.ts'

/** An output or input size in pixels. */
export interface PixelSize {
  width: number
  height: number
}

const SIZE = /^(\d+)\*(\d+)$/

const roundTo = (value: number, step: number): number => Math.round(value / step) * step
const clamp = (value: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, value))

// An omitted edit size is about 1024² in area at the last input's aspect; the formula is the
// simulator's approximation of what the service does (docs/dashscope.md §12.4, step 8).
const sizeFromAspect = (
  rule: Extract<SizeRule, { type: 'range' }>,
  image?: PixelSize
): PixelSize => {
  const root = Math.sqrt(image ? image.width / image.height : 1)
  const side = (value: number) => clamp(roundTo(value, rule.multipleOf), rule.min, rule.max)
  return { width: side(1024 * root), height: side(1024 / root) }
}

/**
 * Resolves the `size` parameter under the model's rule: one of the fixed sizes, or any `W*H`
 * within the range, rounded to the nearest multiple (docs/dashscope.md §4).
 */
export const resolveSize = (rule: SizeRule, raw: unknown, lastImage?: PixelSize): PixelSize => {
  if (rule.type === 'fixed') {
    const value = raw ?? rule.default
    if (typeof value !== 'string' || !rule.sizes.includes(value)) {
      throw invalidParameter(`size must be one of ${rule.sizes.join(', ')}.`)
    }
    const [, width, height] = SIZE.exec(value) ?? []
    return { width: Number(width), height: Number(height) }
  }
  if (raw === undefined) return sizeFromAspect(rule, lastImage)
  const match = typeof raw === 'string' ? SIZE.exec(raw) : null
  const width = Number(match?.[1])
  const height = Number(match?.[2])
  const inRange = (side: number) => side >= rule.min && side <= rule.max
  if (!match || !inRange(width) || !inRange(height)) {
    throw invalidParameter(`size must be W*H with each side from ${rule.min} to ${rule.max}.`)
  }
  return { width: roundTo(width, rule.multipleOf), height: roundTo(height, rule.multipleOf) }
}
