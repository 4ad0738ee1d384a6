import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { canonicalJson, sha256Hex } from './canonical-json.ts'

/** A request body as far as the simulator cares: size verdict, parsed JSON and fingerprint. */
export interface JsonBody {
  tooLarge: boolean
  /** False when the body is over the limit or is not JSON. */
  parsed: boolean
  json: unknown
  /** SHA-256 of the canonical JSON, or of the raw bytes when it is not JSON. */
  fingerprint: string
}

/**
 * Reads the whole body but keeps at most `limit` bytes: the rest is hashed and discarded, so an
 * oversized upload still gets its 413 instead of a reset connection.
 */
export const readJsonBody = async (req: IncomingMessage, limit: number): Promise<JsonBody> => {
  const hash = createHash('sha256')
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    hash.update(chunk)
    size += chunk.length
    if (size <= limit) chunks.push(chunk)
  }
  const rawFingerprint = hash.digest('hex')
  if (size > limit)
    return { tooLarge: true, parsed: false, json: undefined, fingerprint: rawFingerprint }
  try {
    const json: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    return { tooLarge: false, parsed: true, json, fingerprint: sha256Hex(canonicalJson(json)) }
  } catch {
    return { tooLarge: false, parsed: false, json: undefined, fingerprint: rawFingerprint }
  }
}
