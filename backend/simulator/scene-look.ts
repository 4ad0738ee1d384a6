import { hex, mix, type Rgb, shade } from './color.ts'
import { namedColorsOf } from './palette-words.ts'

/** The staged set of a product shoot, as the request's words describe it. */
export interface Look {
  /** Backdrop colour at the top and where it meets the floor. */
  wallTop: Rgb
  wall: Rgb
  /** Floor colour at the horizon and at the front edge. */
  floor: Rgb
  floorFront: Rgb
  surface: 'seamless' | 'marble' | 'wood' | 'grass' | 'gloss'
  decor: 'none' | 'window' | 'bokeh' | 'greenery' | 'arch' | 'split' | 'panel'
  /** Colours of the decor and props. */
  accents: Rgb[]
  podium: boolean
  plant: boolean
  /** Strength of the spotlight (0–1) and darkness of the shadows (0–1). */
  light: number
  shadow: number
  longShadow: boolean
  layout: 'center' | 'side' | 'flatlay' | 'closeup'
  /** Where the backdrop meets the floor, as a fraction of the height. */
  horizon: number
}

const STUDIO: Look = {
  wallTop: hex('#f7f8fa'),
  wall: hex('#eceef1'),
  floor: hex('#e2e4e8'),
  floorFront: hex('#d3d6db'),
  surface: 'seamless',
  decor: 'none',
  accents: [hex('#c9ccd2')],
  podium: false,
  plant: false,
  light: 0.25,
  shadow: 0.45,
  longShadow: false,
  layout: 'center',
  horizon: 0.66,
}

const walls = (top: string, bottom: string) => ({ wallTop: hex(top), wall: hex(bottom) })
const floors = (near: string, front: string) => ({ floor: hex(near), floorFront: hex(front) })
const tinted = (look: Look, color: Rgb, amount: number): Look => ({
  ...look,
  wallTop: mix(look.wallTop, color, amount),
  wall: mix(look.wall, color, amount),
  floor: mix(look.floor, color, amount * 0.6),
  floorFront: mix(look.floorFront, color, amount * 0.6),
})

/**
 * Words and what they do to the set, applied in this order, so the more specific ones (a
 * surface, a style, a light) win over a preset's general mood. The presets' and templates' own
 * sentences (docs/product.md §5.2–§5.3) all hit at least one rule.
 */
const RULES: readonly { words: RegExp; apply: (look: Look) => Look }[] = [
  {
    words: /\b(lifestyle|authentic|real-world|editorial|everyday|home|kitchen)\b/,
    apply: (look) => ({
      ...look,
      ...walls('#e6d3b8', '#d6bd9a'),
      ...floors('#b9875c', '#8e5f3a'),
      surface: 'wood',
      decor: 'window',
      plant: true,
      layout: 'side',
      horizon: 0.62,
    }),
  },
  {
    words: /\b(vibrant|eye-catching|scroll-stopping|social|bold|colou?rful|playful|pop)\b/,
    apply: (look) => ({
      ...look,
      ...walls('#ff8f73', '#ff6f59'),
      ...floors('#f0624f', '#d94c3c'),
      surface: 'seamless',
      decor: 'arch',
      accents: [hex('#ffd36b'), hex('#4fc3c9')],
      podium: true,
      light: 0.3,
    }),
  },
  {
    words: /\b(dynamic|attention-grabbing|story-ready|vertical)\b/,
    apply: (look) => ({ ...look, decor: 'split', podium: true }),
  },
  {
    words: /\b(e-?commerce|banner|shop-ready|breathing room)\b/,
    apply: (look) => ({
      ...look,
      ...walls('#fafbfc', '#f0f2f5'),
      decor: 'panel',
      accents: [hex('#ffcf5c'), hex('#3d7be0')],
      layout: 'side',
    }),
  },
  {
    words: /\b(studio white|white (background|backdrop)|seamless|plain white)\b/,
    apply: (look) => ({
      ...look,
      ...walls('#fbfbfc', '#f2f3f5'),
      ...floors('#e6e7ea', '#d8dade'),
      surface: 'seamless',
      decor: 'none',
    }),
  },
  {
    words: /\b(outdoors?|outside|garden|nature|greenery|park|forest|grass|meadow)\b/,
    apply: (look) => ({
      ...look,
      ...walls('#8fc3ec', '#d7ecd6'),
      ...floors('#79ad4e', '#4f8a34'),
      surface: 'grass',
      decor: 'greenery',
      accents: [hex('#3f7f3a'), hex('#6aa84f'), hex('#a4cf6a')],
      light: 0.35,
    }),
  },
  {
    words: /\b(marble|stone|granite|terrazzo)\b/,
    apply: (look) => ({ ...look, ...floors('#f1f0ed', '#e2e0dc'), surface: 'marble' }),
  },
  {
    words: /\b(wood|wooden|timber|oak|walnut|rustic|tabletop|table)\b/,
    apply: (look) => ({ ...look, ...floors('#a8703f', '#7c4d28'), surface: 'wood' }),
  },
  {
    words: /\b(pastel|minimalist|geometric)\b/,
    apply: (look) => ({
      ...look,
      ...walls('#fbe3e7', '#f6d3da'),
      ...floors('#efc6cf', '#e3b3be'),
      surface: 'seamless',
      decor: 'arch',
      accents: [hex('#bfe6d8'), hex('#fff1b8')],
      podium: true,
    }),
  },
  {
    words: /\b(holiday|festive|christmas|xmas|seasonal)\b/,
    apply: (look) => ({
      ...look,
      ...walls('#5e161c', '#7f2027'),
      ...floors('#f3e9dc', '#e3d3bf'),
      decor: 'bokeh',
      accents: [hex('#ffd27a'), hex('#ffb347'), hex('#fff2c4')],
    }),
  },
  {
    words: /\b(luxury|premium|elegant|dark tones|noir)\b/,
    apply: (look) => ({
      ...look,
      ...walls('#141416', '#2a2a2e'),
      ...floors('#1f1f22', '#0f0f11'),
      surface: 'gloss',
      decor: 'bokeh',
      accents: [hex('#c9a24a'), hex('#8a6d2f')],
      podium: true,
      light: 0.55,
    }),
  },
  {
    words: /\b(dramatic|high contrast|strong contrast|moody|spotlight)\b/,
    apply: (look) => ({
      ...look,
      wallTop: shade(look.wallTop, -0.55),
      wall: shade(look.wall, -0.4),
      light: 0.9,
      shadow: 0.7,
      longShadow: true,
    }),
  },
  {
    words: /\b(daylight|window|natural light|morning)\b/,
    apply: (look) => ({ ...look, decor: look.decor === 'none' ? 'window' : look.decor }),
  },
  {
    words: /\b(golden|sunset|sunrise|dusk)\b/,
    apply: (look) => ({ ...tinted(look, hex('#f0a040'), 0.35), longShadow: true }),
  },
  {
    words: /\b(night|evening|midnight|neon|city lights)\b/,
    apply: (look) => ({
      ...look,
      ...walls('#0a0f1f', '#161d38'),
      ...floors('#121829', '#080b15'),
      surface: 'gloss',
      decor: 'bokeh',
      accents: [hex('#ff5fa2'), hex('#5fd4ff'), hex('#ffd35f')],
      light: 0.5,
    }),
  },
  {
    words: /\b(flat lay|flatlay|overhead|top-down|from above)\b/,
    apply: (look) => ({ ...look, layout: 'flatlay' }),
  },
  {
    words: /\b(close-?up|detail shot|macro|zoom in)\b/,
    apply: (look) => ({ ...look, layout: 'closeup' }),
  },
  {
    words: /\b(centered|centred|centre|center)\b/,
    apply: (look) => ({ ...look, layout: 'center' }),
  },
]

/** The set a product-shoot prompt describes; a colour it names tints the backdrop last. */
export const lookOf = (prompt: string): Look => {
  const text = prompt.toLowerCase()
  const look = RULES.reduce(
    (current, rule) => (rule.words.test(text) ? rule.apply(current) : current),
    STUDIO
  )
  const [named] = namedColorsOf(prompt)
  return named ? tinted(look, named, 0.45) : look
}
