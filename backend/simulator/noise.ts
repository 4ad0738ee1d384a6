// Integer hash of a lattice point and a seed, in [0, 1).
const lattice = (x: number, y: number, seed: number): number => {
  let h = Math.imul(x, 374_761_393) + Math.imul(y, 668_265_263) + Math.imul(seed, 2_246_822_519)
  h = Math.imul(h ^ (h >>> 13), 1_274_126_177)
  return ((h ^ (h >>> 16)) >>> 0) / 4_294_967_296
}

const smooth = (t: number): number => t * t * (3 - 2 * t)

/**
 * Smooth value noise in [0, 1) at (x, y), varying over about one unit: the grain of the marble,
 * wood and grass floors. Deterministic for a given `seed`.
 */
export const noise = (x: number, y: number, seed: number): number => {
  const x0 = Math.floor(x)
  const y0 = Math.floor(y)
  const tx = smooth(x - x0)
  const ty = smooth(y - y0)
  const top = lattice(x0, y0, seed) * (1 - tx) + lattice(x0 + 1, y0, seed) * tx
  const bottom = lattice(x0, y0 + 1, seed) * (1 - tx) + lattice(x0 + 1, y0 + 1, seed) * tx
  return top * (1 - ty) + bottom * ty
}
