import { MODELS, type PublicConfig, publicLimits, publicSizePresets } from '@app/shared-types'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiClientError } from './api.ts'
import { loadConfig, readConfig } from './config.ts'
import { freshWorld } from './testing/setup.ts'

let served: PublicConfig | undefined

beforeEach(async () => {
  await freshWorld()
  served = undefined
  vi.stubGlobal('fetch', async () => {
    if (!served) throw new TypeError('Failed to fetch')
    return new Response(JSON.stringify(served), { headers: { 'content-type': 'application/json' } })
  })
})

/** A config the server would send, with the real limits and presets. */
const liveConfig = (): PublicConfig => ({
  auth: { emailPassword: true, google: false, github: true, emailVerification: false },
  workflows: {
    'product-shoot': { model: MODELS['qwen-image-edit-max'] },
    'ad-graphic': { model: MODELS['qwen-image-max'] },
  },
  sizePresets: publicSizePresets(),
  limits: publicLimits(),
  imageProvider: 'simulator',
})

describe('loadConfig', () => {
  it('should store the config and fall back to it offline', async () => {
    served = liveConfig()
    expect((await loadConfig()).auth.github).toBe(true)
    served = undefined
    expect((await loadConfig()).auth.github).toBe(true)
    expect((await readConfig())?.imageProvider).toBe('simulator')
  })

  it('should throw a NETWORK error when offline with nothing stored', async () => {
    await expect(loadConfig()).rejects.toSatisfy(
      (error) => error instanceof ApiClientError && error.code === 'NETWORK'
    )
  })
})
