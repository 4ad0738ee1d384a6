/** An sRGB colour, each channel 0–255. */
export type Rgb = readonly [number, number, number]

/** Parses `#rrggbb`. */
export const hex = (value: string): Rgb => {
  const n = Number.parseInt(value.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

/** The colour `t` of the way from `a` to `b`. */
export const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
]

/** `c` lightened towards white (`amount` > 0) or darkened towards black (< 0). */
export const shade = (c: Rgb, amount: number): Rgb =>
  amount >= 0 ? mix(c, [255, 255, 255], amount) : mix(c, [0, 0, 0], -amount)

/** A colour from hue (degrees), saturation and lightness (0–1). */
export const hsl = (hue: number, saturation: number, lightness: number): Rgb => {
  const h = (((hue % 360) + 360) % 360) / 60
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation
  const x = chroma * (1 - Math.abs((h % 2) - 1))
  const m = lightness - chroma / 2
  const [r, g, b] =
    h < 1
      ? [chroma, x, 0]
      : h < 2
        ? [x, chroma, 0]
        : h < 3
          ? [0, chroma, x]
          : h < 4
            ? [0, x, chroma]
            : h < 5
              ? [x, 0, chroma]
              : [chroma, 0, x]
  return [(r + m) * 255, (g + m) * 255, (b + m) * 255]
}

/** The hue of `c` in degrees (0 for greys). */
export const hueOf = (c: Rgb): number => {
  const [r, g, b] = c
  const max = Math.max(r, g, b)
  const delta = max - Math.min(r, g, b)
  if (delta === 0) return 0
  const h =
    max === r ? ((g - b) / delta) % 6 : max === g ? (b - r) / delta + 2 : (r - g) / delta + 4
  return (h * 60 + 360) % 360
}

/** Relative brightness 0–255, weighted as the eye sees it. */
export const luma = (c: Rgb): number => 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]
