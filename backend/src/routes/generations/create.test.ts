import { env } from 'cloudflare:workers'
import { apiErrorBodySchema, createGenerationResponseSchema } from '@app/shared-types'
import { describe, expect, it } from 'vitest'
import { expectLedgerInvariant, ORIGIN, signUp } from '../../../test/accounts.ts'
import { adGraphic, postGeneration } from '../../../test/generations.ts'
import { fakeImage } from '../../../test/images.ts'
import { createDb } from '../../db/client.ts'
import { app } from '../../index.ts'
import { creditChange } from '../../services/credits.ts'

const code = async (res: Response) => apiErrorBodySchema.parse(await res.json()).error.code
const ledgerRows = async (userId: string) =>
  (
    await env.DB.prepare('SELECT count(*) AS n FROM credit_ledger WHERE user_id = ?')
      .bind(userId)
      .first<{ n: number }>()
  )?.n

describe('POST /api/generations', () => {
  it('should accept an ad graphic, charge 1 credit and answer 202 with the queued generation', async () => {
    const { cookie, userId } = await signUp()
    const key = crypto.randomUUID()
    const res = await postGeneration(cookie, adGraphic(), { key })
    expect(res.status).toBe(202)
    const body = createGenerationResponseSchema.parse(await res.json())
    expect(body.generation).toMatchObject({
      id: key,
      status: 'queued',
      workflow: 'ad-graphic',
      cost: 1,
      model: 'qwen-image-max',
    })
    expect(body.balances).toEqual({ 'product-shoot': 1, 'ad-graphic': 0 })
    await expectLedgerInvariant(userId)
  })

  it('should answer a replay with the same generation and charge nothing more', async () => {
    const { cookie, userId } = await signUp()
    const key = crypto.randomUUID()
    expect((await postGeneration(cookie, adGraphic(), { key })).status).toBe(202)
    const replays = await Promise.all(
      Array.from({ length: 50 }, () => postGeneration(cookie, adGraphic(), { key }))
    )
    expect(replays.every((r) => r.status === 200)).toBe(true)
    expect(await ledgerRows(userId)).toBe(3)
    await expectLedgerInvariant(userId)
  })

  it('should refuse the same key with a different request (422)', async () => {
    const { cookie } = await signUp()
    const key = crypto.randomUUID()
    await postGeneration(cookie, adGraphic(), { key })
    const res = await postGeneration(cookie, adGraphic({ prompt: 'something else' }), { key })
    expect(res.status).toBe(422)
    expect(await code(res)).toBe('IDEMPOTENCY_KEY_REUSED')
  })

  it('should accept exactly one of 100 concurrent requests against 1 credit', async () => {
    const { cookie, userId } = await signUp()
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => postGeneration(cookie, adGraphic()))
    )
    const statuses = answers.map((r) => r.status)
    expect(statuses.filter((s) => s === 202)).toHaveLength(1)
    expect(statuses.filter((s) => s === 402)).toHaveLength(99)
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM generation WHERE user_id = ?')
      .bind(userId)
      .first<{ n: number }>()
    expect(rows?.n).toBe(1)
    await expectLedgerInvariant(userId)
  })

  it('should answer 402 OUT_OF_CREDITS with the balances, writing nothing', async () => {
    const { cookie, userId } = await signUp()
    await postGeneration(cookie, adGraphic())
    const res = await postGeneration(cookie, adGraphic())
    expect(res.status).toBe(402)
    const { error } = apiErrorBodySchema.parse(await res.json())
    expect(error.code).toBe('OUT_OF_CREDITS')
    expect(error.details).toContainEqual({ path: 'ad-graphic', message: '0' })
    expect(await ledgerRows(userId)).toBe(3)
  })

  it('should accept a product shoot with photos checked by their bytes', async () => {
    const { cookie } = await signUp()
    const res = await postGeneration(
      cookie,
      { workflow: 'product-shoot', prompt: 'On marble', n: 1 },
      { references: [fakeImage.png(1024, 768), fakeImage.jpeg(800, 800)] }
    )
    expect(res.status).toBe(202)
    const body = createGenerationResponseSchema.parse(await res.json())
    expect(body.generation.references.map((r) => [r.contentType, r.width, r.height])).toEqual([
      ['image/png', 1024, 768],
      ['image/jpeg', 800, 800],
    ])
  })

  it.each([
    ['no photo', [], 'VALIDATION_FAILED'],
    ['wrong magic bytes', [new TextEncoder().encode('GIF is what I claim to be')], 'INVALID_IMAGE'],
    ['a 0-byte file', [new Uint8Array()], 'INVALID_IMAGE'],
    ['an 11 MB file', [new Uint8Array(11 * 1024 * 1024)], 'INVALID_IMAGE'],
    ['a 20000 px header', [fakeImage.png(20000, 20000)], 'INVALID_IMAGE'],
    ['a tiny photo', [fakeImage.png(100, 100)], 'INVALID_IMAGE'],
    ['four photos', Array.from({ length: 4 }, () => fakeImage.png(500, 500)), 'VALIDATION_FAILED'],
  ])(
    'should refuse a product shoot with %s and charge nothing',
    async (_name, references, expected) => {
      const { cookie, userId } = await signUp()
      const res = await postGeneration(
        cookie,
        { workflow: 'product-shoot', prompt: 'x' },
        { references }
      )
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      const body = apiErrorBodySchema.parse(await res.json())
      expect(body.error.code, JSON.stringify(body.error.details)).toBe(expected)
      expect(await ledgerRows(userId)).toBe(2)
      expect((await env.BUCKET.list({ prefix: `users/${userId}/` })).objects).toHaveLength(0)
    }
  )

  it.each([
    [
      'a size the model does not take',
      { requestPart: JSON.stringify(adGraphic({ size: '1024*1024' })) },
    ],
    ['n above the model', { requestPart: JSON.stringify(adGraphic({ n: 2 })) }],
    [
      'an 801-character prompt',
      { requestPart: JSON.stringify(adGraphic({ prompt: '字'.repeat(801) })) },
    ],
    ['a seed out of range', { requestPart: JSON.stringify(adGraphic({ seed: -1 })) }],
    ['broken JSON', { requestPart: '{"workflow":' }],
    [
      'bad UTF-8 turned into replacement characters',
      { requestPart: '{"workflow":"ad\uFFFDgraphic","prompt":"x"}' },
    ],
  ])('should refuse %s with VALIDATION_FAILED', async (_name, opts) => {
    const { cookie } = await signUp()
    const res = await postGeneration(cookie, undefined, opts)
    expect(res.status).toBe(400)
    expect(await code(res)).toBe('VALIDATION_FAILED')
  })

  it('should require the Idempotency-Key, multipart, a session and a trusted origin', async () => {
    const { cookie } = await signUp()
    const noKey = await postGeneration(cookie, adGraphic(), { key: 'not-a-uuid' })
    expect(await code(noKey)).toBe('VALIDATION_FAILED')
    const { call } = await import('../../../test/api.ts')
    const json = await call('/api/generations', {
      method: 'POST',
      headers: {
        cookie,
        origin: 'http://127.0.0.1:8787',
        'idempotency-key': crypto.randomUUID(),
        'content-type': 'application/json',
      },
      body: JSON.stringify(adGraphic()),
    })
    expect(json.status).toBe(415)
    expect((await postGeneration('', adGraphic())).status).toBe(401)
    const evil = await call('/api/generations', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example' },
    })
    expect(evil.status).toBe(403)
  })

  it('should limit new generations per user per minute, not counting replays or refusals', async () => {
    const { cookie, userId } = await signUp()
    await createDb(env.DB).batch(
      creditChange(createDb(env.DB), {
        userId,
        workflow: 'ad-graphic',
        delta: 5,
        reason: 'grant',
        idemKey: `grant:${userId}`,
      })
    )
    const strict = { ...env, GENERATIONS_PER_MINUTE: '2' }
    const post = (key: string, request = adGraphic()) => {
      const form = new FormData()
      form.set('request', JSON.stringify(request))
      return app.request(
        '/api/generations',
        { method: 'POST', headers: { cookie, origin: ORIGIN, 'idempotency-key': key }, body: form },
        strict
      )
    }
    const first = crypto.randomUUID()
    expect((await post(first)).status).toBe(202)
    expect((await post(first)).status).toBe(200)
    expect((await post(crypto.randomUUID(), adGraphic({ size: 'bad' }))).status).toBe(400)
    expect((await post(crypto.randomUUID())).status).toBe(202)
    const third = await post(crypto.randomUUID())
    expect(third.status).toBe(429)
    expect(third.headers.get('retry-after')).toBe('60')
    expect(await code(third)).toBe('RATE_LIMITED')
    await expectLedgerInvariant(userId)
  })

  it('should hold the per-user limit under concurrency: 30 new requests at once, limit 10', async () => {
    const { cookie, userId } = await signUp()
    await createDb(env.DB).batch(
      creditChange(createDb(env.DB), {
        userId,
        workflow: 'ad-graphic',
        delta: 30,
        reason: 'grant',
        idemKey: `grant:${userId}`,
      })
    )
    const limited = { ...env, GENERATIONS_PER_MINUTE: '10' }
    const statuses = await Promise.all(
      Array.from({ length: 30 }, async () => {
        const form = new FormData()
        form.set('request', JSON.stringify(adGraphic()))
        const res = await app.request(
          '/api/generations',
          {
            method: 'POST',
            headers: { cookie, origin: ORIGIN, 'idempotency-key': crypto.randomUUID() },
            body: form,
          },
          limited
        )
        return res.status
      })
    )
    expect(statuses.filter((s) => s === 202).length).toBeLessThanOrEqual(10)
    expect(statuses.every((s) => s === 202 || s === 429)).toBe(true)
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM generation WHERE user_id = ?')
      .bind(userId)
      .first<{ n: number }>()
    expect(rows?.n).toBe(statuses.filter((s) => s === 202).length)
    await expectLedgerInvariant(userId)
  })
})
