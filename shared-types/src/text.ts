/**
 * The length DashScope counts: Unicode code points of the trimmed text, so an emoji is one
 * character, as the service counts it.
 */
export const codePointLength = (text: string): number => [...text.trim()].length
