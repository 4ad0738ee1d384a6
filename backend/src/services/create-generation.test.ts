import { env } from 'cloudflare:workers'
import { generationRequestSchema } from '@app/shared-types'
import { describe, expect, it } from 'vitest'
import { expectLedgerInvariant, signUp } from '../../test/accounts.ts'
import { adGraphic } from '../../test/generations.ts'
import { fakeImage } from '../../test/images.ts'
import { jobDeps, objectsOf, recordingQueue } from '../../test/jobs.ts'
import { probeImage } from '../lib/image-probe.ts'
import type { GenerationJob } from './create-generation.ts'
import { type CreateGenerationDeps, createGeneration, type Reference } from './create-generation.ts'

const depsWith = (queue: Queue<GenerationJob>): CreateGenerationDeps => ({
  db: jobDeps.db,
  bucket: env.BUCKET,
  queue,
  models: { 'product-shoot': 'qwen-image-edit-max', 'ad-graphic': 'qwen-image-max' },
  simulated: true,
  perMinute: 100,
  leaseMs: 60_000,
})

const reference = (bytes: Uint8Array): Reference => {
  const info = probeImage(bytes)
  if (!info) throw new Error('not an image')
  return { bytes, info }
}

const shoot = generationRequestSchema.parse({
  workflow: 'product-shoot',
  prompt: 'On marble',
  n: 1,
})

describe('createGeneration', () => {
  it('should keep a charged generation whose queue message failed, and send it again on a replay', async () => {
    const { userId } = await signUp()
    const id = crypto.randomUUID()
    const request = generationRequestSchema.parse(adGraphic())
    const broken = {
      send: async () => {
        throw new Error('queue unavailable')
      },
    } as unknown as Queue<GenerationJob>
    const first = await createGeneration(depsWith(broken), userId, id, request, [])
    expect(first.generation.status).toBe('queued')
    const { queue, sent } = recordingQueue()
    const replay = await createGeneration(depsWith(queue), userId, id, request, [])
    expect(replay.replayed).toBe(true)
    expect(sent).toEqual([id])
    await expectLedgerInvariant(userId)
  })

  it('should never delete or overwrite the photos of the request that won a race for its key', async () => {
    const { userId } = await signUp()
    const id = crypto.randomUUID()
    const { queue } = recordingQueue()
    const photos = Array.from({ length: 8 }, (_, i) => fakeImage.png(800 + i, 800, 64 + i))
    const answers = await Promise.allSettled(
      photos.map((photo) =>
        createGeneration(depsWith(queue), userId, id, shoot, [reference(photo)])
      )
    )
    const created = answers.filter((a) => a.status === 'fulfilled' && !a.value.replayed)
    expect(created).toHaveLength(1)
    const rows = await env.DB.prepare(
      "SELECT r2_key, width FROM generation_image WHERE generation_id = ? AND kind = 'reference'"
    )
      .bind(id)
      .all<{ r2_key: string; width: number }>()
    expect(rows.results).toHaveLength(1)
    const [row] = rows.results
    const stored = await env.BUCKET.get(row?.r2_key ?? '')
    expect(stored).not.toBeNull()
    const bytes = new Uint8Array((await stored?.arrayBuffer()) ?? new ArrayBuffer(0))
    expect(probeImage(bytes)?.width).toBe(row?.width)
    await expect.poll(() => objectsOf(userId, id)).toEqual([row?.r2_key])
  })
})
