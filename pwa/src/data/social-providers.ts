import { SOCIAL_PROVIDERS, type SocialProvider } from '@app/shared-types'
import { apiFetch } from './api.ts'

/**
 * The social providers the server offers, from `GET /api/config`, read without zod or Dexie: a
 * signed-out visit draws the sign-in page without either. Only the `auth` flags are read; the
 * whole config is checked and stored at sign-in (config.ts). Throws offline, where the buttons
 * could not be used anyway.
 */
export const readSocialProviders = async (): Promise<SocialProvider[]> => {
  const body: unknown = await (await apiFetch('/api/config')).json()
  const auth = (body as { auth?: Partial<Record<string, unknown>> } | null)?.auth
  return SOCIAL_PROVIDERS.filter((provider) => auth?.[provider] === true)
}
