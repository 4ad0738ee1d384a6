import { env } from 'cloudflare:workers'
import { syncPageSchema } from '@app/shared-types'
import { describe, expect, it } from 'vitest'
import { getWith, signUp } from '../../test/accounts.ts'
import { purgeTombstones } from './purge-tombstones.ts'

const day = 24 * 60 * 60 * 1000

describe('purgeTombstones', () => {
  it('should drop tombstones older than 31 days and make older cursors reset', async () => {
    const { cookie, userId } = await signUp()
    const now = Date.now()
    const row = (version: number, deletedAt: number | null) =>
      env.DB.prepare(
        `INSERT INTO generation (id, user_id, workflow, status, fingerprint, params, model, cost, version, deleted_at, created_at, updated_at)
         VALUES (?, ?, 'ad-graphic', 'succeeded', 'f', '{"prompt":"p","n":1,"promptExtend":true}', 'qwen-image-max', 1, ?, ?, ?, ?)`
      ).bind(crypto.randomUUID(), userId, version, deletedAt, now, now)
    await env.DB.batch([
      row(1, null),
      row(2, now - 40 * day),
      row(3, now - 10 * day),
      env.DB.prepare('INSERT INTO sync_state (user_id, version) VALUES (?, 3)').bind(userId),
    ])
    expect(await purgeTombstones(env.DB, new Date(now))).toBeGreaterThanOrEqual(1)
    const stale = syncPageSchema.parse(await (await getWith('/api/sync?cursor=1', cookie)).json())
    expect(stale.reset).toBe(true)
    const fresh = syncPageSchema.parse(await (await getWith('/api/sync?cursor=2', cookie)).json())
    expect(fresh.reset).toBe(false)
    expect(fresh.changes).toEqual([expect.objectContaining({ type: 'delete', version: 3 })])
    const full = syncPageSchema.parse(await (await getWith('/api/sync?cursor=0', cookie)).json())
    expect(full.reset).toBe(false)
    expect(
      full.changes.map((c) => (c.type === 'delete' ? c.version : c.generation.version))
    ).toEqual([1, 3])
  })
})
