import type { SimConfig } from './config.ts'
import { SimError } from './errors.ts'

const BEARER = /^Bearer\s+(\S+)\s*$/i

/**
 * Checks `Authorization: Bearer <key>` against the configured keys (docs/dashscope.md §12.3) and
 * returns the key. A key of the other region fails like an unknown one, as the service does.
 */
export const authenticate = (header: string | undefined, config: SimConfig): string => {
  const key = BEARER.exec(header ?? '')?.[1]
  if (key === undefined) throw new SimError('InvalidApiKey', 'No API-key provided.')
  if (!Object.hasOwn(config.keys, key) || config.keys[key] !== config.region) {
    throw new SimError('InvalidApiKey')
  }
  return key
}
