import type { PublicConfig } from '@app/shared-types'

/** `GET /api/config`, stored for offline use; falls back to the stored copy when unreachable. */
export const loadConfig = async (): Promise<PublicConfig> => {
  throw new Error('not implemented yet')
}

/** The stored config, if any (for liveQuery). */
export const readConfig = async (): Promise<PublicConfig | undefined> => {
  throw new Error('not implemented yet')
}
