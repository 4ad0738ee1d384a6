import {
  MODELS,
  type PublicConfig,
  publicLimits,
  publicSizePresets,
  WORKFLOWS,
} from '@app/shared-types'
import type { AppConfig } from '../env.ts'

/** The public config for this deployment: enabled sign-in methods, each workflow's model, limits. */
export const buildPublicConfig = (config: AppConfig): PublicConfig => ({
  auth: {
    emailPassword: true,
    google: config.google !== undefined,
    github: config.github !== undefined,
    // Spending credits needs a verified email (middleware/require-session.ts).
    emailVerification: true,
  },
  workflows: Object.fromEntries(
    WORKFLOWS.map((workflow) => [
      workflow,
      { model: structuredClone(MODELS[config.models[workflow]]) },
    ])
  ) as PublicConfig['workflows'],
  sizePresets: publicSizePresets(),
  limits: publicLimits(),
  imageProvider: config.imageProvider,
})
