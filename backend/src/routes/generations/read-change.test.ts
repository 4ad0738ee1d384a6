import { env } from 'cloudflare:workers'
import type { Workflow } from '@app/shared-types'
import {
  apiErrorBodySchema,
  generationPageSchema,
  generationSchema,
  syncPageSchema,
} from '@app/shared-types'
import { describe, expect, it } from 'vitest'
import { expectLedgerInvariant, getWith, ORIGIN, signUp } from '../../../test/accounts.ts'
import { call } from '../../../test/api.ts'
import { adGraphic, postGeneration } from '../../../test/generations.ts'
import { fakeImage } from '../../../test/images.ts'
import { createDb } from '../../db/client.ts'
import { grantCredits } from '../../services/credits.ts'

const create = async (
  cookie: string,
  request: unknown = adGraphic(),
  references?: Uint8Array[]
) => {
  const key = crypto.randomUUID()
  const res = await postGeneration(cookie, request, { key, references })
  expect(res.status).toBe(202)
  return key
}
const grant = (email: string, workflow: Workflow, amount: number) =>
  grantCredits(createDb(env.DB), { email, workflow, amount, idemKey: crypto.randomUUID() })
const send = (method: string, path: string, cookie: string) =>
  call(path, { method, headers: { cookie, origin: ORIGIN } })

describe('reading generations', () => {
  it('should list newest first, filter, and page', async () => {
    const { cookie, userId, email } = await signUp()
    await grant(email, 'ad-graphic', 4)
    const ids = []
    for (let i = 0; i < 3; i++) ids.push(await create(cookie))
    const first = generationPageSchema.parse(
      await (await getWith('/api/generations?limit=2', cookie)).json()
    )
    expect(first.items.map((g) => g.id)).toEqual([ids[2], ids[1]])
    const rest = generationPageSchema.parse(
      await (await getWith(`/api/generations?limit=2&cursor=${first.nextCursor}`, cookie)).json()
    )
    expect(rest.items.map((g) => g.id)).toEqual([ids[0]])
    expect(rest.nextCursor).toBeNull()
    const none = generationPageSchema.parse(
      await (await getWith('/api/generations?workflow=product-shoot', cookie)).json()
    )
    expect(none.items).toEqual([])
    await expectLedgerInvariant(userId)
  })

  it('should serve my reference photos with an ETag, kept out of the browser’s HTTP cache', async () => {
    const { cookie } = await signUp()
    const photo = fakeImage.png(600, 600)
    const id = await create(cookie, { workflow: 'product-shoot', prompt: 'x' }, [photo])
    const res = await getWith(`/api/generations/${id}/references/0`, cookie)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(photo)
    const etag = res.headers.get('etag') ?? ''
    const again = await call(`/api/generations/${id}/references/0`, {
      headers: { cookie, 'if-none-match': etag },
    })
    expect(again.status).toBe(304)
  })

  it('should list each generation with the images that reading it alone shows', async () => {
    const { cookie, email } = await signUp()
    await grant(email, 'product-shoot', 2)
    const shoot = { workflow: 'product-shoot', prompt: 'x' }
    const older = await create(cookie, shoot, [fakeImage.png(600, 600), fakeImage.png(700, 500)])
    const newer = await create(cookie, shoot, [fakeImage.png(500, 800)])
    const read = async (id: string) =>
      generationSchema.parse(await (await getWith(`/api/generations/${id}`, cookie)).json())
    const first = generationPageSchema.parse(
      await (await getWith('/api/generations?limit=1', cookie)).json()
    )
    expect(first.items).toEqual([await read(newer)])
    const rest = generationPageSchema.parse(
      await (await getWith(`/api/generations?limit=1&cursor=${first.nextCursor}`, cookie)).json()
    )
    const alone = await read(older)
    expect(rest.items).toEqual([alone])
    expect(alone.references).toHaveLength(2)
  })
})

describe('another user (IDOR)', () => {
  it('should get 404 and no byte of someone else’s generation on every route', async () => {
    const owner = await signUp()
    const id = await create(owner.cookie, { workflow: 'product-shoot', prompt: 'secret recipe' }, [
      fakeImage.png(600, 600),
    ])
    const intruder = await signUp()
    const attempts = [
      ['GET', `/api/generations/${id}`],
      ['GET', `/api/generations/${id}/references/0`],
      ['GET', `/api/generations/${id}/images/0`],
      ['POST', `/api/generations/${id}/cancel`],
      ['DELETE', `/api/generations/${id}`],
    ]
    for (const [method, path] of attempts) {
      const res = await send(method as string, path as string, intruder.cookie)
      const text = await res.text()
      expect(res.status, `${method} ${path}`).toBe(404)
      expect(apiErrorBodySchema.parse(JSON.parse(text)).error.code).toBe('NOT_FOUND')
      expect(text).not.toContain('secret recipe')
    }
    const list = await (await getWith('/api/generations', intruder.cookie)).text()
    const feed = await (await getWith('/api/sync', intruder.cookie)).text()
    expect(list).not.toContain(id)
    expect(feed).not.toContain(id)
    expect((await getWith(`/api/generations/${id}`, owner.cookie)).status).toBe(200)
  })
})

describe('cancel and delete', () => {
  it('should cancel a queued generation once, refunding its credits exactly once', async () => {
    const { cookie, userId } = await signUp()
    const id = await create(cookie)
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => send('POST', `/api/generations/${id}/cancel`, cookie))
    )
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200))
    const g = generationSchema.parse(await (await getWith(`/api/generations/${id}`, cookie)).json())
    expect(g).toMatchObject({ status: 'canceled', refunded: 1 })
    const refunds = await env.DB.prepare(
      'SELECT count(*) AS n FROM credit_ledger WHERE idem_key = ?'
    )
      .bind(`refund:${id}`)
      .first<{ n: number }>()
    expect(refunds?.n).toBe(1)
    const me = (await (await getWith('/api/me', cookie)).json()) as {
      balances: Record<string, number>
    }
    expect(me.balances['ad-graphic']).toBe(1)
    await expectLedgerInvariant(userId)
  })

  it('should refuse to cancel a generation that is no longer queued', async () => {
    const { cookie } = await signUp()
    const id = await create(cookie)
    await env.DB.prepare("UPDATE generation SET status = 'running' WHERE id = ?").bind(id).run()
    const res = await send('POST', `/api/generations/${id}/cancel`, cookie)
    expect(res.status).toBe(409)
    expect(apiErrorBodySchema.parse(await res.json()).error.code).toBe('CONFLICT')
  })

  it('should delete: tombstone in sync, R2 objects gone, 404 afterwards', async () => {
    const { cookie, userId } = await signUp()
    const id = await create(cookie, { workflow: 'product-shoot', prompt: 'x' }, [
      fakeImage.png(600, 600),
    ])
    const before = syncPageSchema.parse(await (await getWith('/api/sync?cursor=0', cookie)).json())
    expect(before.changes).toContainEqual(expect.objectContaining({ type: 'upsert' }))
    expect((await send('DELETE', `/api/generations/${id}`, cookie)).status).toBe(204)
    expect((await getWith(`/api/generations/${id}`, cookie)).status).toBe(404)
    expect((await env.BUCKET.list({ prefix: `users/${userId}/` })).objects).toHaveLength(0)
    const after = syncPageSchema.parse(
      await (await getWith(`/api/sync?cursor=${before.cursor}`, cookie)).json()
    )
    expect(after.changes).toEqual([expect.objectContaining({ type: 'delete', id })])
    await expectLedgerInvariant(userId)
  })
})

describe('GET /api/sync', () => {
  it('should answer a pull with no changes in a few hundred bytes, whatever the history size', async () => {
    const sizes: number[] = []
    for (const count of [10, 10_000]) {
      const { cookie, userId } = await signUp()
      const now = Date.now()
      const rows = Array.from({ length: count }, (_, i) =>
        env.DB.prepare(
          `INSERT INTO generation (id, user_id, workflow, status, fingerprint, params, model, cost, version, created_at, updated_at)
           VALUES (?, ?, 'ad-graphic', 'succeeded', 'f', '{"prompt":"p","n":1,"promptExtend":true}', 'qwen-image-max', 1, ?, ?, ?)`
        ).bind(crypto.randomUUID(), userId, i + 1, now, now)
      )
      for (let i = 0; i < rows.length; i += 500) await env.DB.batch(rows.slice(i, i + 500))
      await env.DB.prepare('INSERT INTO sync_state (user_id, version) VALUES (?, ?)')
        .bind(userId, count)
        .run()
      const res = await getWith(`/api/sync?cursor=${count}`, cookie)
      const text = await res.text()
      expect(syncPageSchema.parse(JSON.parse(text))).toMatchObject({
        changes: [],
        cursor: count,
        hasMore: false,
        reset: false,
      })
      sizes.push(text.length)
    }
    expect(sizes[0]).toBeLessThan(300)
    // Equal but for the cursor's digits: the cost of a pull does not grow with the history.
    expect((sizes[1] as number) - (sizes[0] as number)).toBe('10000'.length - '10'.length)
  })

  it('should ask for a reset when the cursor is older than the purged tombstones', async () => {
    const { cookie, userId } = await signUp()
    await env.DB.prepare(
      'INSERT INTO sync_state (user_id, version, purged_through) VALUES (?, 50, 40)'
    )
      .bind(userId)
      .run()
    const stale = syncPageSchema.parse(await (await getWith('/api/sync?cursor=10', cookie)).json())
    expect(stale.reset).toBe(true)
    const bad = await getWith('/api/sync?cursor=-1', cookie)
    expect(bad.status).toBe(400)
  })
})
