import { LIMITS } from '@app/shared-types'
import { readImageHeader } from '../src/lib/image-probe.ts'
import { sha256Hex } from './canonical-json.ts'
import type { PictureSource } from './decode-picture.ts'
import { invalidParameter, SimError } from './errors.ts'

/** An input image that passed the checks of docs/dashscope.md §12.4, step 5. */
export interface InputImage extends PictureSource {
  /** SHA-256 of the bytes: seeds the result image and matches what the call log shows. */
  sha256: string
}

const DATA_URI = /^data:([^;,]+);base64,(.*)$/s
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/
// Long enough for a slow test server, short enough that a dead URL does not stall a test run.
const FETCH_TIMEOUT_MS = 10_000

const readBytes = async (ref: unknown): Promise<Buffer> => {
  if (typeof ref !== 'string') throw new SimError('InvalidURL')
  const data = DATA_URI.exec(ref)?.[2]
  if (data !== undefined) {
    if (!BASE64.test(data) || data.length % 4 !== 0) {
      throw invalidParameter('The image data is not valid base64.')
    }
    return Buffer.from(data, 'base64')
  }
  if (!/^https?:\/\//i.test(ref) || !URL.canParse(ref)) throw new SimError('InvalidURL')
  try {
    const response = await fetch(ref, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    return Buffer.from(await response.arrayBuffer())
  } catch {
    throw new SimError(
      'BadRequest.InputDownloadFailed',
      `Failed to download the input file: ${ref}`
    )
  }
}

/**
 * Loads one `{ image }` item (data URI or http(s) URL) and checks its format and, with
 * `strict`, the 10 MB and 384–3072 px limits the docs recommend. Throws the service's error.
 */
export const loadInputImage = async (ref: unknown, strict: boolean): Promise<InputImage> => {
  const bytes = await readBytes(ref)
  const probe = readImageHeader(bytes)
  if (!probe) throw new SimError('BadRequest.UnsupportedFileFormat')
  const { width, height } = probe
  if (!width || !height) throw new SimError('InvalidParameter.DataInspection')
  if (strict && bytes.length > LIMITS.referenceMaxBytes) {
    throw invalidParameter(`An input image is ${bytes.length} bytes; the limit is 10 MB.`)
  }
  const { referenceMinSide: min, referenceMaxSide: max } = LIMITS
  if (strict && (Math.min(width, height) < min || Math.max(width, height) > max)) {
    throw invalidParameter(
      `An input image is ${width}×${height} px; each side must be ${min}–${max} px.`
    )
  }
  return { sha256: sha256Hex(bytes), bytes, format: probe.format, width, height }
}
