import type { Raster } from './raster.ts'
import { fill, roundedRect } from './shapes.ts'
import { drawText, textWidth } from './text.ts'

const LABEL = 'SIMULATED'

/**
 * Marks a result "SIMULATED" in its bottom-right corner, small but legible, so a simulated
 * picture is never taken for a real one even outside the app (downloaded, shared).
 */
export const drawSimulatedMark = (raster: Raster): void => {
  const size = Math.max(5, Math.round(Math.min(raster.width, raster.height) * 0.018))
  const pad = Math.round(size * 0.6)
  const width = textWidth(LABEL, size)
  const right = raster.width - size
  const bottom = raster.height - size
  const box = roundedRect(right - width - 2 * pad, bottom - size - 2 * pad, right, bottom, pad)
  fill(raster, box, [20, 20, 24], { opacity: 0.85 })
  drawText(raster, LABEL, right - width - pad, bottom - size - pad, size, [255, 255, 255])
}
