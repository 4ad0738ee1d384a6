/**
 * The photo types the service takes (docs/product.md §5.1), with the extensions that imply them.
 */
const TYPES_BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  gif: 'image/gif',
}

export const UNSUPPORTED_TYPE = 'Unsupported file type. Use JPEG, PNG, WEBP, BMP, TIFF or GIF.'
export const UNREADABLE = "This photo can't be read on this device. Try a JPEG or PNG."
export const TOO_BIG = 'This photo is over 10 MB even after resizing. Choose a smaller photo.'
export const TOO_MANY = (max: number): string => `You can add up to ${max} photos.`

/** Longest side of a prepared photo: the model's output is at most this per side. */
export const PREPARED_MAX_SIDE = 2048
/** Shortest side the service accepts. */
export const MIN_SIDE = 384
/** Largest prepared file. */
export const MAX_BYTES = 10 * 1024 * 1024
/** Shorter sides below this get the blurry-results warning. */
export const LOW_RES_SIDE = 512

/** The photo's type: the browser's, else the one its extension implies; undefined if unsupported. */
export const photoType = (file: { type: string; name: string }): string | undefined => {
  const known = new Set(Object.values(TYPES_BY_EXTENSION))
  if (file.type !== '') return known.has(file.type) ? file.type : undefined
  const extension = file.name.split('.').pop()?.toLowerCase() ?? ''
  return TYPES_BY_EXTENSION[extension]
}

/** Why decoded dimensions are refused (docs/product.md §5.1 step 3), or undefined. */
export const dimensionError = (width: number, height: number): string | undefined => {
  const short = Math.min(width, height)
  const long = Math.max(width, height)
  if (short < MIN_SIDE) {
    return `This photo is ${width} × ${height} px. Each side must be at least ${MIN_SIDE} px.`
  }
  if (long > 8 * short) {
    return 'This photo is too long and narrow. Its long side can be at most 8 times its short side.'
  }
  return undefined
}

/**
 * The prepared size: the long side down to 2048 px, but the short side never below 384 px, and
 * never scaled up.
 */
export const preparedSize = (width: number, height: number): { width: number; height: number } => {
  const short = Math.min(width, height)
  const long = Math.max(width, height)
  const scale = Math.min(1, Math.max(PREPARED_MAX_SIDE / long, MIN_SIDE / short))
  return { width: Math.round(width * scale), height: Math.round(height * scale) }
}

/** The non-blocking warning for a small prepared photo, or undefined. */
export const lowResolutionWarning = (width: number, height: number): string | undefined =>
  Math.min(width, height) < LOW_RES_SIDE
    ? `This photo is ${width} × ${height} px. Photos under ${LOW_RES_SIDE} px on a side may give blurry results.`
    : undefined
