import { MODELS, type PublicConfig, publicLimits, publicSizePresets } from '@app/shared-types'

/** A config as `GET /api/config` sends it with the default models, for unit tests. */
export const testConfig = (): PublicConfig => ({
  auth: { emailPassword: true, google: false, github: false, emailVerification: false },
  workflows: {
    'product-shoot': { model: structuredClone(MODELS['qwen-image-edit-max']) },
    'ad-graphic': { model: structuredClone(MODELS['qwen-image-max']) },
  },
  sizePresets: publicSizePresets(),
  limits: publicLimits(),
  imageProvider: 'simulator',
})
