import { env } from 'cloudflare:workers'
import { SYNC_CATCH_UP_PAGE_SIZE, SYNC_PAGE_SIZE, syncPageSchema } from '@app/shared-types'
import { describe, expect, it } from 'vitest'
import { getWith, signUp } from '../../test/accounts.ts'
import { errorBody } from '../../test/api.ts'

/** Seeds `count` succeeded generations at versions 1…count, each with one output image. */
const seed = async (userId: string, count: number): Promise<string[]> => {
  const now = Date.now()
  const ids = Array.from({ length: count }, () => crypto.randomUUID())
  const rows = ids.flatMap((id, i) => [
    env.DB.prepare(
      `INSERT INTO generation (id, user_id, workflow, status, fingerprint, params, model, cost, version, created_at, updated_at)
       VALUES (?, ?, 'ad-graphic', 'succeeded', 'f', '{"prompt":"p","n":1,"promptExtend":true}', 'qwen-image-max', 1, ?, ?, ?)`
    ).bind(id, userId, i + 1, now, now),
    env.DB.prepare(
      `INSERT INTO generation_image (id, generation_id, user_id, kind, idx, r2_key, content_type, width, height, bytes, created_at)
       VALUES (?, ?, ?, 'output', 0, ?, 'image/png', 1024, 1024, 2048, ?)`
    ).bind(crypto.randomUUID(), id, userId, `users/${userId}/generations/${id}/output-0.png`, now),
  ])
  for (let i = 0; i < rows.length; i += 500) await env.DB.batch(rows.slice(i, i + 500))
  await env.DB.prepare('INSERT INTO sync_state (user_id, version) VALUES (?, ?)')
    .bind(userId, count)
    .run()
  return ids
}

const pull = async (cookie: string, query: string) => {
  const res = await getWith(`/api/sync?${query}`, cookie)
  expect(res.status).toBe(200)
  return syncPageSchema.parse(await res.json())
}

describe('GET /api/sync page size', () => {
  it('should answer a live pull in pages of 100 and say how many changes follow', async () => {
    const { cookie, userId } = await signUp()
    await seed(userId, 150)
    const page = await pull(cookie, 'cursor=0')
    expect(page.changes).toHaveLength(SYNC_PAGE_SIZE)
    expect(page).toMatchObject({ cursor: 100, hasMore: true, remaining: 50 })
    const last = await pull(cookie, `cursor=${page.cursor}`)
    expect(last).toMatchObject({ cursor: 150, hasMore: false, remaining: 0 })
  })

  it('should serve a catch-up pull up to 1,000 changes a page, each with its images', async () => {
    const { cookie, userId } = await signUp()
    const ids = await seed(userId, 1_200)
    const page = await pull(cookie, `cursor=0&limit=${SYNC_CATCH_UP_PAGE_SIZE}`)
    expect(page.changes).toHaveLength(1_000)
    expect(page).toMatchObject({ cursor: 1_000, hasMore: true, remaining: 200 })
    const upserts = page.changes.flatMap((c) => (c.type === 'upsert' ? [c.generation] : []))
    expect(upserts.map((g) => g.id)).toEqual(ids.slice(0, 1_000))
    expect(upserts.every((g) => g.images.length === 1)).toBe(true)
    const rest = await pull(cookie, `cursor=${page.cursor}&limit=1000`)
    expect(rest).toMatchObject({ cursor: 1_200, hasMore: false, remaining: 0 })
    expect(rest.changes).toHaveLength(200)
  })

  it('should refuse a page size over the hard maximum, or under one', async () => {
    const { cookie } = await signUp()
    for (const limit of [SYNC_CATCH_UP_PAGE_SIZE + 1, 0, -5, 2.5]) {
      const res = await getWith(`/api/sync?cursor=0&limit=${limit}`, cookie)
      expect(res.status).toBe(400)
      const error = await errorBody(res)
      expect(error.code).toBe('VALIDATION_FAILED')
      expect(error.details?.map((d) => d.path)).toEqual(['limit'])
    }
  })
})
