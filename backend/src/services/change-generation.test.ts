import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { expectLedgerInvariant } from '../../test/accounts.ts'
import { jobDeps, objectsOf, queued, refundRows, rowOf, withBatchFault } from '../../test/jobs.ts'
import { deleteGeneration } from './change-generation.ts'

describe('deleteGeneration', () => {
  it('should not tombstone a queued generation whose cancel failed, so its credit is not lost', async () => {
    const { userId, id } = await queued()
    const deps = { db: withBatchFault(jobDeps.db, 1), bucket: env.BUCKET }
    await expect(deleteGeneration(deps, userId, id)).rejects.toThrow(/D1_ERROR/)
    expect(await rowOf(id)).toMatchObject({ status: 'queued', deleted_at: null })
    await deleteGeneration({ db: jobDeps.db, bucket: env.BUCKET }, userId, id)
    expect(await rowOf(id)).toMatchObject({ status: 'canceled', refunded: 1 })
    expect(await refundRows(id)).toBe(1)
    await expectLedgerInvariant(userId)
  })

  it('should remove every object under the generation, also those a running job wrote without a row', async () => {
    const { userId, id } = await queued()
    await env.DB.prepare("UPDATE generation SET status = 'running' WHERE id = ?").bind(id).run()
    const stray = `users/${userId}/generations/${id}/output-0.png`
    await env.BUCKET.put(stray, new Uint8Array([1, 2, 3]))
    await deleteGeneration({ db: jobDeps.db, bucket: env.BUCKET }, userId, id)
    expect(await objectsOf(userId, id)).toEqual([])
    expect((await rowOf(id))?.deleted_at).not.toBeNull()
  })
})
