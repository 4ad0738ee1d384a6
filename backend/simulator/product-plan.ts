import type { Light } from './backdrop.ts'
import { shade } from './color.ts'
import type { Placement } from './composite.ts'
import type { Picture } from './picture.ts'
import { between, pick, randomFrom } from './random.ts'
import type { SceneInput } from './scene-input.ts'
import { type Look, lookOf } from './scene-look.ts'

/** Everything a product shoot result draws, decided before any pixel is painted. */
export interface ProductPlan {
  look: Look
  horizon: number
  light: Light
  /** −1 when the light comes from the left, 1 from the right. */
  lightSide: number
  /** The first photo: the hero of the frame. */
  main: Placement
  /** The other photos, beside it and further back. */
  others: Placement[]
  podium: { cx: number; topY: number; rx: number; ry: number; bottomY: number } | null
  plant: { x: number; baseY: number; size: number } | null
  /** The side of the frame left empty for the decor (−1 left, 1 right). */
  emptySide: number
}

// Each of n images differs in the angle of the light, the crop and the backdrop's tone.
const LIGHT_SIDES = [-0.7, 0.75, 0.15]
const CROPS = [1, 0.86, 1.12]
const TONES = [0, 0.1, -0.08]

const varied = (look: Look, tone: number): Look => ({
  ...look,
  wallTop: shade(look.wallTop, tone),
  wall: shade(look.wall, tone),
})

const fitted = (picture: Picture, maxWidth: number, maxHeight: number) => {
  const scale = Math.min(maxWidth / picture.width, maxHeight / picture.height)
  return { width: picture.width * scale, height: picture.height * scale }
}

/**
 * Lays out a product shoot of `width` × `height`: the set from the prompt's words, the first
 * photo as the hero of the frame and the others beside it, smaller and further back.
 */
export const planProductShoot = (scene: SceneInput, width: number, height: number): ProductPlan => {
  const random = randomFrom(scene.digest)
  const round = scene.index % 3
  const look = varied(lookOf(scene.prompt), TONES[round] as number)
  const [first, ...rest] = scene.pictures
  if (!first) throw new Error('A product shoot needs a picture.')
  const lightSide = Math.max(
    -1,
    Math.min(1, (LIGHT_SIDES[round] as number) + between(random, -0.15, 0.15))
  )
  const horizon = look.layout === 'flatlay' ? 0 : Math.round(height * look.horizon)
  const side = look.layout === 'side' ? pick(random, [-1, 1]) : 0
  const crop = (CROPS[round] as number) * between(random, 0.96, 1.04)
  const portrait = height > width * 1.2 ? 0.82 : 1
  const [heightShare, widthShare] =
    look.layout === 'closeup'
      ? [0.8, 0.7]
      : look.layout === 'flatlay'
        ? [0.6, 0.55]
        : [0.56, rest.length ? 0.34 : 0.44]
  const floorDepth = height - horizon
  const standFloor = look.layout === 'closeup' ? height * 0.97 : horizon + floorDepth * 0.45
  const podiumHeight = look.podium && look.layout !== 'flatlay' ? height * 0.11 : 0
  const standY = standFloor - podiumHeight
  const headroom = standY - height * 0.07
  const size = fitted(
    first,
    width * widthShare * crop,
    Math.min(height * heightShare * crop * portrait, headroom)
  )
  const cx = width * (0.5 + side * 0.18) + between(random, -0.02, 0.02) * width
  const main: Placement =
    look.layout === 'flatlay'
      ? { x: cx - size.width / 2, y: (height - size.height) / 2, ...size }
      : { x: cx - size.width / 2, y: standY - size.height, ...size }
  const others = rest.slice(0, 2).map((picture, i) => {
    const small = fitted(picture, size.width * 0.75, size.height * 0.66)
    const direction = i === 0 ? -1 : 1
    const x = cx + direction * (size.width / 2 + small.width * 0.45) - small.width / 2
    const clampedX = Math.min(width * 0.97 - small.width, Math.max(width * 0.03, x))
    const back = look.layout === 'flatlay' ? 0 : floorDepth * 0.12
    return { x: clampedX, y: standFloor - back - small.height, ...small }
  })
  const rx = Math.max(size.width * 0.72, width * 0.12)
  return {
    look,
    horizon,
    light: { x: width * (0.5 + lightSide * 0.38), y: height * 0.28 },
    lightSide,
    main,
    others,
    podium: podiumHeight ? { cx, topY: standY, rx, ry: rx * 0.2, bottomY: standFloor } : null,
    plant: look.plant
      ? { x: width * (0.5 - (side || 1) * 0.3), baseY: standFloor, size: height * 0.36 }
      : null,
    emptySide: side ? -side : 1,
  }
}
