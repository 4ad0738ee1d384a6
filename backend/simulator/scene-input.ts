import type { Picture } from './picture.ts'

/** What one result image is drawn from: the request's words, its photos, which image of n. */
export interface SceneInput {
  /** SHA-256 of everything that shapes the result; seeds every random choice. */
  digest: Uint8Array
  index: number
  prompt: string
  /** The reference photos, decoded; none for text-to-image models. */
  pictures: Picture[]
}
