import * as z from 'zod'
import { AUTH_LIMITS } from './auth-rules.ts'
import { LIMITS, modelSpecSchema, SIZE_PRESETS, workflowSchema } from './models.ts'

/** Where generated images come from: the real DashScope, or the local simulator in development. */
export const imageProviderSchema = z.enum(['dashscope', 'simulator'])
export type ImageProvider = z.infer<typeof imageProviderSchema>

/** `GET /api/config`: what the UI needs before anyone signs in. Cached by the app for offline use. */
export const publicConfigSchema = z.object({
  auth: z.object({
    emailPassword: z.boolean(),
    google: z.boolean(),
    github: z.boolean(),
    emailVerification: z.boolean(),
  }),
  workflows: z.record(workflowSchema, z.object({ model: modelSpecSchema })),
  sizePresets: z.array(
    z.object({ id: z.string(), label: z.string(), value: z.string(), aspect: z.string() })
  ),
  limits: z.object({
    seedMax: z.int(),
    referenceMaxBytes: z.int(),
    referenceMinSide: z.int(),
    referenceMaxSide: z.int(),
    referenceContentTypes: z.array(z.string()),
    passwordMin: z.int(),
    passwordMax: z.int(),
    nameMax: z.int(),
  }),
  imageProvider: imageProviderSchema,
})
export type PublicConfig = z.infer<typeof publicConfigSchema>

/** The limits part of the public config, straight from the shared constants. */
export const publicLimits = (): PublicConfig['limits'] => ({
  seedMax: LIMITS.seedMax,
  referenceMaxBytes: LIMITS.referenceMaxBytes,
  referenceMinSide: LIMITS.referenceMinSide,
  referenceMaxSide: LIMITS.referenceMaxSide,
  referenceContentTypes: [...LIMITS.referenceContentTypes],
  passwordMin: AUTH_LIMITS.passwordMin,
  passwordMax: AUTH_LIMITS.passwordMax,
  nameMax: AUTH_LIMITS.nameMax,
})

/** The size presets as the public config lists them. */
export const publicSizePresets = (): PublicConfig['sizePresets'] =>
  SIZE_PRESETS.map((preset) => ({ ...preset }))
