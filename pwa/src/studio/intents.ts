/** One intent warning of docs/product.md §5.5: a pattern on the shoot direction and its advice. */
export interface IntentWarning {
  readonly id: string
  readonly pattern: RegExp
  readonly message: string
}

export const INTENT_WARNINGS: readonly IntentWarning[] = [
  {
    id: 'background-removal',
    pattern: /\b(remove|delete|erase)\b.*\b(background|bg)\b/i,
    message:
      'Background removal often creates halos and artifacts. Try describing a new background instead.',
  },
  {
    id: 'face-swap',
    pattern: /\b(swap|replace|change)\b.*\bface\b/i,
    message: "Face swapping doesn't reliably preserve identity.",
  },
  {
    id: 'canvas-extension',
    pattern: /\b(extend|expand|outpaint)\b.*\b(canvas|image|frame)\b/i,
    message: 'Canvas extension is unreliable. Start with a fully-framed image instead.',
  },
  {
    id: 'rotation',
    pattern: /\b(rotate|tilt)\b.*\b(perspective|angle|view|camera)\b/i,
    message:
      'Rotational angle changes are less reliable. Try describing a top-down or eye-level view instead.',
  },
]

/** The warnings whose pattern matches `text`, each once, in table order. */
export const intentWarnings = (text: string): IntentWarning[] =>
  INTENT_WARNINGS.filter((warning) => warning.pattern.test(text))
