import { MODELS, type ModelSpec, modelSpecSchema } from '@app/shared-types'
import * as z from 'zod'

const regionSchema = z.enum(['sg', 'bj'])
/** The two DashScope regions; a key works only in its own. */
export type Region = z.infer<typeof regionSchema>

/** Timings of each latency profile (docs/dashscope.md §12.1). Sync waits are wall time. */
export const PROFILES = {
  fast: { syncMs: 50, promptExtendMs: 0, pendingMs: 1_000, runningMs: 3_000 },
  realistic: { syncMs: 16_500, promptExtendMs: 3_500, pendingMs: 500, runningMs: 20_000 },
} as const

// snake_case on purpose: these are the names `/__sim/config` reads and writes, kept identical in
// the TypeScript options so that one spelling works everywhere.
const configShape = {
  region: regionSchema,
  keys: z.record(z.string().min(1), regionSchema),
  models: z.record(z.string(), modelSpecSchema),
  profile: z.enum(['fast', 'realistic']),
  image_mode: z.enum(['full', 'tiny']),
  strict_inputs: z.boolean(),
  public_base: z.url().nullable(),
  max_body_bytes: z.int().positive(),
  concurrency: z.enum(['queue', 'reject']),
  max_running_per_key: z.int().positive(),
  async_creates_per_second: z.int().positive(),
  task_queries_per_second: z.int().positive(),
  sync_per_minute: z.record(z.string(), z.int().positive()),
}

/** A partial config, as accepted by `startSimulator` and `POST /__sim/config`. */
export const configPatchSchema = z.object(configShape).partial().strict()
export type ConfigPatch = z.infer<typeof configPatchSchema>

/** The full simulator configuration (docs/dashscope.md §12.1, §12.8). */
export interface SimConfig {
  region: Region
  /** Accepted API keys and the region each belongs to. */
  keys: Record<string, Region>
  /** The model table, by model id: the same rows the backend client validates against. */
  models: Record<string, ModelSpec>
  profile: keyof typeof PROFILES
  /** `tiny` serves 64×64 result images while `usage` still reports the requested size. */
  image_mode: 'full' | 'tiny'
  /** Enforce the 384–3072 px and 10 MB input limits that the docs only recommend. */
  strict_inputs: boolean
  /** Origin for result URLs; `null` means the simulator's own origin. */
  public_base: string | null
  max_body_bytes: number
  /** What happens to an async create while the key already has its tasks in progress. */
  concurrency: 'queue' | 'reject'
  max_running_per_key: number
  async_creates_per_second: number
  task_queries_per_second: number
  /** Optional per-model limit on sync calls per key and minute; absent means unlimited. */
  sync_per_minute: Record<string, number>
}

/** Fills a patch with the defaults: region `sg`, key `sk-sim`, fast profile, strict inputs. */
export const resolveConfig = (patch: ConfigPatch = {}): SimConfig => {
  const region = patch.region ?? 'sg'
  return {
    region,
    keys: patch.keys ?? { 'sk-sim': region },
    models: patch.models ?? MODELS,
    profile: patch.profile ?? 'fast',
    image_mode: patch.image_mode ?? 'full',
    strict_inputs: patch.strict_inputs ?? true,
    public_base: patch.public_base ?? null,
    // Three 10 MB images as data URIs, plus room for the rest of the body.
    max_body_bytes: patch.max_body_bytes ?? 48 * 1024 * 1024,
    concurrency: patch.concurrency ?? 'queue',
    max_running_per_key: patch.max_running_per_key ?? 2,
    async_creates_per_second: patch.async_creates_per_second ?? 2,
    task_queries_per_second: patch.task_queries_per_second ?? 20,
    sync_per_minute: patch.sync_per_minute ?? {},
  }
}
