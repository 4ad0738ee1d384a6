import type { Generation } from '@app/shared-types'

/**
 * A schema-valid generation, for seeding the server or the local copy. A module of its own with a
 * type-only import, so tests of what start-up loads can seed data without loading zod.
 */
export const makeGeneration = (overrides: Partial<Generation> = {}): Generation => {
  const at = overrides.createdAt ?? new Date().toISOString()
  return {
    id: crypto.randomUUID(),
    workflow: 'ad-graphic',
    status: 'queued',
    model: 'qwen-image-max',
    params: { prompt: 'A poster', n: 1, promptExtend: true },
    images: [],
    references: [],
    error: null,
    cost: 1,
    refunded: 0,
    simulated: true,
    version: 1,
    createdAt: at,
    updatedAt: at,
    startedAt: null,
    finishedAt: null,
    ...overrides,
  }
}
