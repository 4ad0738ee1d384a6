import { mix, type Rgb } from './color.ts'
import { noise } from './noise.ts'
import type { Raster } from './raster.ts'
import type { Look } from './scene-look.ts'

/** Where the key light falls, in pixels. */
export interface Light {
  x: number
  y: number
}

const smoothstep = (t: number): number => {
  const c = Math.min(1, Math.max(0, t))
  return c * c * (3 - 2 * c)
}

// Brightness change of the floor's texture at (x, y); 0 leaves the floor's gradient as it is.
const texture = (
  look: Look,
  x: number,
  y: number,
  raster: Raster,
  horizon: number,
  seed: number
) => {
  const { width: w, height: h } = raster
  const depth = (y - horizon) / Math.max(1, h - horizon)
  switch (look.surface) {
    case 'marble': {
      // Long diagonal veins, warped by two octaves of noise into wisps.
      const warp =
        noise(x / (w * 0.22), y / (h * 0.07), seed) +
        0.5 * noise(x / (w * 0.08), y / (h * 0.03), seed + 1)
      const vein = Math.abs(Math.sin(Math.PI * ((x / w) * 1.4 + (y / h) * 2.6 + warp * 0.55)))
      const fine = Math.abs(Math.sin(Math.PI * ((x / w) * 3.5 - (y / h) * 2 + warp * 0.8)))
      return -0.13 * Math.max(0, 1 - vein / 0.05) ** 1.5 - 0.06 * Math.max(0, 1 - fine / 0.03)
    }
    case 'wood': {
      const plank = Math.floor(depth * 5)
      const seam = (depth * 5) % 1 < 0.025 ? -0.25 : 0
      const grain = noise(x / (w * 0.35), y / (h * 0.006) + plank * 17, seed) - 0.5
      return seam + grain * 0.18 + (noise(plank, 0.5, seed + 2) - 0.5) * 0.12
    }
    case 'grass': {
      // Blades: fine streaks that run up the frame, over broad patches of light and shade.
      const blades = noise(x / (w * 0.004), y / (h * 0.03), seed) - 0.5
      return blades * 0.16 + (noise(x / (w * 0.15), y / (h * 0.05), seed + 1) - 0.5) * 0.16
    }
    default:
      return 0
  }
}

/**
 * Paints the set's backdrop and floor: gradients meeting at `horizon` (a soft cove for seamless
 * paper, an edge with a contact shadow for a table or floor), the floor's texture, a pool of
 * light around `light` and a slight vignette.
 */
export const paintBackdrop = (
  raster: Raster,
  look: Look,
  horizon: number,
  light: Light,
  seed: number
) => {
  const { width: w, height: h, rgb } = raster
  const cove = look.surface === 'seamless' && horizon > 0 ? h * 0.06 : 0
  const tableEdge = horizon > 0 && cove === 0
  for (let y = 0; y < h; y++) {
    const wall = mix(look.wallTop, look.wall, (Math.min(y, horizon) / Math.max(1, horizon)) ** 0.8)
    const floor = mix(
      look.floor,
      look.floorFront,
      Math.max(0, y - horizon) / Math.max(1, h - horizon)
    )
    const base: Rgb =
      cove > 0
        ? mix(wall, floor, smoothstep((y - horizon + cove) / (2 * cove)))
        : y < horizon
          ? wall
          : floor
    const onFloor = y >= horizon
    const edgeShadow =
      onFloor && tableEdge ? -0.14 * Math.max(0, 1 - (y - horizon) / (h * 0.025)) : 0
    const dy = (y - light.y) / (h * 0.6)
    for (let x = 0; x < w; x++) {
      const dx = (x - light.x) / (w * 0.6)
      const pool = Math.max(0, 1 - dx * dx - dy * dy)
      const vx = x / w - 0.5
      const vy = y / h - 0.5
      let factor =
        1 + look.light * (0.24 * pool * pool - 0.12) - 0.16 * (vx * vx + vy * vy) + edgeShadow
      if (onFloor) factor += texture(look, x, y, raster, horizon, seed)
      const at = (y * w + x) * 3
      rgb[at] = base[0] * factor
      rgb[at + 1] = base[1] * factor
      rgb[at + 2] = base[2] * factor
    }
  }
}
