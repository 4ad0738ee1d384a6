import { type PublicConfig, publicConfigSchema } from '@app/shared-types'
import { ApiClientError, apiJson } from './api.ts'
import { readMeta, writeMeta } from './meta.ts'

/** `GET /api/config`, stored for offline use. */
export const storeConfig = async (): Promise<PublicConfig> => {
  const config = await apiJson('/api/config', publicConfigSchema)
  await writeMeta('config', config)
  return config
}

/** The server's config (stored for offline use); the stored copy when the server is unreachable. */
export const loadConfig = async (): Promise<PublicConfig> => {
  try {
    return await storeConfig()
  } catch (error) {
    const stored = await readConfig()
    if (stored) return stored
    throw error instanceof ApiClientError
      ? error
      : new ApiClientError({ code: 'INTERNAL', status: 0, message: String(error) })
  }
}

/** The stored config, if any (for liveQuery). */
export const readConfig = async (): Promise<PublicConfig | undefined> => readMeta('config')
