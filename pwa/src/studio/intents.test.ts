import { describe, expect, it } from 'vitest'
import { intentWarnings } from './intents.ts'

describe('intentWarnings', () => {
  it.each([
    ['Please remove the background', 'background-removal'],
    ['swap the FACE of the model', 'face-swap'],
    ['extend the canvas to the left', 'canvas-extension'],
    ['rotate to a side angle', 'rotation'],
  ])('should warn about "%s"', (text, id) => {
    expect(intentWarnings(text).map((warning) => warning.id)).toEqual([id])
  })
  it('should not warn about ordinary directions', () => {
    expect(intentWarnings('A mug on a table with a soft background')).toEqual([])
  })
})
