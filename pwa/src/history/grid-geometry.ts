// Where History's grid sat in a viewport of this size at the last measure, kept across visits:
// the first render of a start can draw its visible rows without reading layout, which would lay
// out the whole page once more before the frame does.

const KEY = 'addreams:history-grid-geometry'

/** The grid's width and its top in the document, in px. */
export interface GridGeometry {
  readonly width: number
  readonly top: number
}

const viewport = (): string => `${window.innerWidth}x${window.innerHeight}`

let last: string | undefined

/** The geometry measured last in a viewport of this size, if any. */
export const rememberedGeometry = (): GridGeometry | undefined => {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as
      | (GridGeometry & { viewport: string })
      | null
    if (stored?.viewport !== viewport()) return undefined
    return { width: stored.width, top: stored.top }
  } catch {
    return undefined
  }
}

/** Keeps `geometry` for the next start in this viewport; written only when it changed. */
export const rememberGeometry = (geometry: GridGeometry): void => {
  const value = JSON.stringify({ viewport: viewport(), ...geometry })
  if (value === last) return
  last = value
  try {
    localStorage.setItem(KEY, value)
  } catch {
    // Storage refused: the next start measures.
  }
}
