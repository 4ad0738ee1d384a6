import {
  clientIdSchema,
  type GenerationRequest,
  generationRequestSchema,
  LIMITS,
} from '@app/shared-types'
import { ApiError } from '../../lib/api-error.ts'
import { probeImage } from '../../lib/image-probe.ts'
import { issuesToDetails } from '../../lib/validator.ts'
import type { Reference } from '../../services/create-generation.ts'

type FormPart = ReturnType<FormData['get']>

/** The idempotency key a create must carry; it becomes the generation id. */
export const readIdempotencyKey = (header: string | undefined): string => {
  const parsed = clientIdSchema.safeParse(header)
  if (!parsed.success) {
    throw new ApiError('VALIDATION_FAILED', 'Send an Idempotency-Key header with a UUID', {
      details: [{ path: 'Idempotency-Key', message: 'must be a UUID' }],
    })
  }
  return parsed.data.toLowerCase()
}

const readRequestPart = async (part: FormPart | null): Promise<GenerationRequest> => {
  const text = typeof part === 'string' ? part : part ? await part.text() : undefined
  if (text === undefined) {
    throw new ApiError('VALIDATION_FAILED', 'The form has no "request" part', {
      details: [{ path: 'request', message: 'required' }],
    })
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new ApiError('VALIDATION_FAILED', 'The "request" part is not JSON', {
      details: [{ path: 'request', message: 'must be a JSON object' }],
    })
  }
  const parsed = generationRequestSchema.safeParse(json)
  if (!parsed.success) {
    throw new ApiError('VALIDATION_FAILED', 'The request is not valid', {
      details: issuesToDetails(parsed.error.issues),
    })
  }
  return parsed.data
}

const readReference = async (part: NonNullable<FormPart>, index: number): Promise<Reference> => {
  const path = `reference.${index}`
  if (typeof part === 'string') {
    throw new ApiError('INVALID_IMAGE', 'A reference must be a file', {
      details: [{ path, message: 'not a file' }],
    })
  }
  if (part.size > LIMITS.referenceMaxBytes) {
    throw new ApiError('INVALID_IMAGE', 'A reference photo is over 10 MB', {
      details: [{ path, message: 'Each photo must be 10 MB or smaller.' }],
    })
  }
  const bytes = new Uint8Array(await part.arrayBuffer())
  // The bytes decide the type, never the file name or the declared type.
  const info = probeImage(bytes)
  if (!info) {
    throw new ApiError('INVALID_IMAGE', 'A reference is not a readable image', {
      details: [{ path, message: 'Use JPEG, PNG, WEBP, BMP, TIFF or GIF.' }],
    })
  }
  return { bytes, info }
}

/** Reads a `multipart/form-data` create: the `request` JSON part and the `reference` files. */
export const readUpload = async (raw: Request) => {
  if (!raw.headers.get('content-type')?.toLowerCase().startsWith('multipart/form-data')) {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send multipart/form-data with a "request" part')
  }
  let form: FormData
  try {
    form = await raw.formData()
  } catch {
    throw new ApiError('VALIDATION_FAILED', 'The multipart body could not be read')
  }
  const request = await readRequestPart(form.get('request'))
  const parts = form.getAll('reference')
  if (parts.length > 3) {
    throw new ApiError('VALIDATION_FAILED', 'At most 3 reference photos', {
      details: [{ path: 'reference', message: 'Add between 1 and 3 reference photos.' }],
    })
  }
  const references = await Promise.all(parts.map(readReference))
  return { request, references }
}
