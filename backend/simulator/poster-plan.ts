import { hsl, hueOf, luma, type Rgb, shade } from './color.ts'
import { colorsOf } from './palette-words.ts'
import { between, pick, randomFrom } from './random.ts'
import type { SceneInput } from './scene-input.ts'
import { drawableText, textWidth, wrapText } from './text.ts'

/** Everything an ad-graphic result draws, decided before any pixel is painted. */
export interface PosterPlan {
  background: Rgb
  background2: Rgb
  accents: Rgb[]
  composition: 'sun' | 'rays' | 'split' | 'confetti'
  /** Centre and radius of the composition's main shape. */
  focus: { x: number; y: number; r: number }
  headline: {
    lines: string[]
    x: number
    y: number
    /** Height of the capitals in pixels. */
    size: number
    ink: Rgb
    panel: Rgb
  } | null
}

const QUOTED = /“([^”]+)”|‘([^’]+)’|"([^"]+)"|(?:^|\s)'([^']+)'(?=\s|$|[.,!?])/
const MAX_WORDS = 5
const MAX_CHARS = 28

/**
 * The poster's headline: the words the prompt quotes (the studio's tip tells users to quote
 * what should be shown), else the first few words of its first clause without a leading
 * article. Empty when the font cannot draw any of them.
 */
export const headlineOf = (prompt: string): string => {
  const quoted = QUOTED.exec(prompt)
  if (quoted) return drawableText(quoted.slice(1).find(Boolean) ?? '')
  // A headline is the prompt's first clause: "Coffee shop opening, 20% off" → "COFFEE SHOP OPENING".
  const [clause = ''] = drawableText(prompt).split(/[,;:.](?:\s|$)/)
  const words = clause.split(' ').filter(Boolean)
  if (/^(A|AN|THE)$/.test(words[0] ?? '')) words.shift()
  const kept: string[] = []
  for (const word of words.slice(0, MAX_WORDS)) {
    if ([...kept, word].join(' ').length > MAX_CHARS) break
    kept.push(word)
  }
  return kept.join(' ')
}

const DARK_MOOD = /\b(night|dark|neon|luxury|premium|elegant|noir|black|midnight)\b/i
const COMPOSITION_WORDS: readonly [RegExp, PosterPlan['composition']][] = [
  [/\b(sun|summer|sunny|sunset|beach)\b/i, 'sun'],
  [/\b(sale|discount|offer|deal|launch|new)\b/i, 'rays'],
  [/\b(party|festival|fun|kids|celebration|confetti)\b/i, 'confetti'],
]

const distinct = (colors: Rgb[]): Rgb[] =>
  colors.filter((c, i) => colors.findIndex((d) => d.join() === c.join()) === i)

/**
 * Lays out an ad graphic of `width` × `height`: its palette from the colours and themes the
 * prompt names (a hue from the digest when it names none), a composition its words suggest,
 * and the headline in a panel, beside the main shape when wide and above it when not.
 */
export const planPoster = (scene: SceneInput, width: number, height: number): PosterPlan => {
  const random = randomFrom(scene.digest)
  const named = distinct(colorsOf(scene.prompt))
  const dark = DARK_MOOD.test(scene.prompt)
  const byLuma = [...named].sort((a, b) => luma(a) - luma(b))
  const hue = between(random, 0, 360)
  const background =
    (dark ? byLuma[0] : named[0]) ?? hsl(hue, dark ? 0.45 : 0.62, dark ? 0.14 : 0.55)
  const baseHue = hueOf(background)
  const accents = [
    ...named.filter((c) => c !== background),
    hsl(baseHue + 35, 0.85, dark ? 0.6 : 0.62),
    hsl(baseHue + 180, 0.7, dark ? 0.65 : 0.7),
  ]
  const wide = width > height * 1.15
  const composition =
    COMPOSITION_WORDS.find(([words]) => words.test(scene.prompt))?.[1] ??
    pick(random, ['sun', 'rays', 'split', 'confetti'] as const)
  const short = Math.min(width, height)
  const focus = wide
    ? { x: width * 0.76, y: height * 0.52, r: short * 0.34 }
    : { x: width * 0.5, y: height * 0.7, r: short * 0.27 }
  const text = headlineOf(scene.prompt)
  const boxWidth = (wide ? width * 0.5 : width * 0.84) - short * 0.08
  let size = short * (wide ? 0.1 : 0.085)
  let lines = wrapText(text, size, boxWidth)
  while (size > 8 && (lines.length > 3 || lines.some((line) => textWidth(line, size) > boxWidth))) {
    size *= 0.9
    lines = wrapText(text, size, boxWidth)
  }
  const lightBackground = luma(background) > 150
  return {
    background,
    background2: shade(background, dark ? 0.14 : -0.2),
    accents,
    composition,
    focus,
    headline: text
      ? {
          lines,
          x: wide ? width * 0.07 : width * 0.08 + short * 0.04,
          y: wide ? height * 0.5 - (lines.length * size * 1.5) / 2 : height * 0.09,
          size,
          ink: lightBackground || dark ? [255, 255, 255] : shade(background, -0.6),
          panel: lightBackground || dark ? [28, 28, 32] : [255, 248, 236],
        }
      : null,
  }
}
