import { describe, expect, it } from 'vitest'
import indexHtml from '../../index.html?raw'
import brand from './brand.json'
import tokens from './tokens.css?raw'

/** The `--app-color-*` values of the first `:root { … }` block in `css`. */
const colours = (css: string): Record<string, string> => {
  const block = /:root\s*{([^}]*)}/.exec(css)?.[1] ?? ''
  return Object.fromEntries(
    [...block.matchAll(/--app-color-([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [
      m[1],
      (m[2] ?? '').toLowerCase(),
    ])
  )
}

const light = colours(tokens)
const dark = colours(tokens.slice(tokens.indexOf('prefers-color-scheme: dark')))

const luminance = (hex: string): number => {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05)
}

const TEXT = ['text', 'text-muted', 'primary', 'accent-text', 'success', 'warning', 'danger']
const SURFACES = ['background', 'surface', 'surface-2']
const PAIRS = [
  ['on-primary', 'primary'],
  ['on-primary', 'primary-hover'],
  ['primary', 'primary-soft'],
  ['on-accent', 'accent'],
  ['on-offline', 'offline-bg'],
]

describe('design tokens', () => {
  it('should define the same colour tokens in light and dark', () => {
    expect(Object.keys(light).length).toBeGreaterThan(15)
    expect(Object.keys(dark).sort()).toEqual(Object.keys(light).sort())
  })

  describe.each([
    ['light', light],
    ['dark', dark],
  ])('%s theme', (_name, theme) => {
    it.each(TEXT.flatMap((fg) => SURFACES.map((bg) => [fg, bg])))(
      'should give %s on %s at least 4.5:1',
      (fg, bg) => {
        expect(contrast(theme[fg] ?? '', theme[bg] ?? '')).toBeGreaterThanOrEqual(4.5)
      }
    )
    it.each(PAIRS)('should give %s on %s at least 4.5:1', (fg, bg) => {
      expect(contrast(theme[fg] ?? '', theme[bg] ?? '')).toBeGreaterThanOrEqual(4.5)
    })
  })

  it('should match brand.json, which the icons and the manifest use', () => {
    expect(light.primary).toBe(brand.primary.toLowerCase())
    expect(light['on-primary']).toBe(brand.onPrimary.toLowerCase())
    expect(light.accent).toBe(brand.accent.toLowerCase())
    expect(light.background).toBe(brand.background.toLowerCase())
    expect(dark.background).toBe(brand.backgroundDark.toLowerCase())
  })

  it('should colour the browser UI like the page in both schemes', () => {
    expect(indexHtml).toContain(
      `<meta name="theme-color" content="${light.background}" media="(prefers-color-scheme: light)" />`
    )
    expect(indexHtml).toContain(
      `<meta name="theme-color" content="${dark.background}" media="(prefers-color-scheme: dark)" />`
    )
  })
})
