import { hex, type Rgb } from './color.ts'

// Words that name a colour outright.
const COLORS: Readonly<Record<string, readonly string[]>> = {
  red: ['#d62f2f'],
  crimson: ['#b3122e'],
  orange: ['#f28a1e'],
  yellow: ['#f7d046'],
  lemon: ['#f5e050', '#8cc63f'],
  gold: ['#d4a93c'],
  golden: ['#e0a83a'],
  green: ['#3f9b4a'],
  lime: ['#9ccc3c'],
  mint: ['#9ee0c4'],
  olive: ['#7d8a2e'],
  teal: ['#1f8a8a'],
  turquoise: ['#2ec4c0'],
  blue: ['#2f6fd6'],
  navy: ['#1b2a5c'],
  purple: ['#7b3fb8'],
  violet: ['#8a4fe0'],
  lavender: ['#b9a3e3'],
  pink: ['#f28ab2'],
  magenta: ['#d6339c'],
  brown: ['#7a4a2a'],
  black: ['#1c1c1e'],
  white: ['#f5f5f2'],
  cream: ['#f3e6cc'],
  beige: ['#e3d3b6'],
  grey: ['#8c8f94'],
  gray: ['#8c8f94'],
  silver: ['#c0c4c8'],
}

// Words that bring a palette with them.
const THEMES: Readonly<Record<string, readonly string[]>> = {
  summer: ['#f7c843', '#f2762e', '#2ec4c0'],
  sunny: ['#f7c843', '#f29b30'],
  winter: ['#cfe6f5', '#2b4c7e', '#ffffff'],
  christmas: ['#b3202b', '#1f6b3a', '#e8c15a'],
  holiday: ['#b3202b', '#1f6b3a', '#e8c15a'],
  festive: ['#b3202b', '#e8c15a', '#1f6b3a'],
  spring: ['#9ee0c4', '#f5a3c0', '#f7e27a'],
  autumn: ['#d2691e', '#7a3e1d', '#e0a83a'],
  sale: ['#e0312b', '#f7d046', '#1c1c1e'],
  discount: ['#e0312b', '#f7d046'],
  coffee: ['#6b4226', '#e8d5b5', '#c08552'],
  cafe: ['#6b4226', '#e8d5b5', '#c08552'],
  chocolate: ['#4a2c1d', '#c08552'],
  bread: ['#c8873f', '#f3e2c3', '#7a4a2a'],
  bakery: ['#c8873f', '#f3e2c3', '#7a4a2a'],
  fresh: ['#5cb85c', '#eaf6e3'],
  organic: ['#6a9e3f', '#efe6d2'],
  eco: ['#4f8f3a', '#e9efd8'],
  luxury: ['#141414', '#c9a24a', '#f1e7d0'],
  premium: ['#1a1a1a', '#c9a24a'],
  elegant: ['#1f1f24', '#d8c3a0'],
  tech: ['#2b2d8f', '#27c4f5', '#8a4fe0'],
  digital: ['#2b2d8f', '#27c4f5'],
  ocean: ['#1b6fa8', '#2ec4c0', '#f1e2c2'],
  beach: ['#2ec4c0', '#f1d9a0', '#f28a5b'],
  night: ['#141a3a', '#d6339c', '#27c4f5'],
  neon: ['#ff2fa8', '#27f5e0', '#141a3a'],
  kids: ['#f2453d', '#f7d046', '#2f8fd6'],
  beauty: ['#f4c2c2', '#f8ece6', '#b76e79'],
  skincare: ['#f4d7d0', '#fbf4ef', '#c99b8f'],
  fitness: ['#1c1c1e', '#b8f23a', '#f2762e'],
  valentine: ['#d6283f', '#f7a8b8', '#ffffff'],
  halloween: ['#f2761d', '#1c1c1e', '#7b3fb8'],
}

const lookUp = (prompt: string, ...tables: Readonly<Record<string, readonly string[]>>[]): Rgb[] =>
  (prompt.toLowerCase().match(/[a-z]+/g) ?? []).flatMap((word) =>
    tables.flatMap((table) => (Object.hasOwn(table, word) ? (table[word] ?? []) : [])).map(hex)
  )

/** The colours a prompt names outright ("red", "navy"), in the order it names them. */
export const namedColorsOf = (prompt: string): Rgb[] => lookUp(prompt, COLORS)

/** The colours a prompt names or implies through a theme ("coffee", "christmas"), in order. */
export const colorsOf = (prompt: string): Rgb[] => lookUp(prompt, COLORS, THEMES)
