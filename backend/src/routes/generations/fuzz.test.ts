import { env } from 'cloudflare:workers'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectLedgerInvariant, getWith, ORIGIN, signUp } from '../../../test/accounts.ts'
import { call } from '../../../test/api.ts'
import { fakeImage } from '../../../test/images.ts'

const huge = 'x'.repeat(200_000)
const requestPart = fc.oneof(
  fc.constantFrom('', '{', 'null', '[]', huge, '{"workflow":"ad-graphic"}'),
  fc.json(),
  fc
    .record(
      {
        workflow: fc.oneof(fc.constantFrom('ad-graphic', 'product-shoot'), fc.string()),
        prompt: fc.oneof(fc.string(), fc.constant(huge), fc.integer()),
        negativePrompt: fc.oneof(fc.string(), fc.constant(null)),
        size: fc.oneof(fc.constantFrom('1328*1328', '1024*1024', '0*0', '99999*1'), fc.string()),
        n: fc.oneof(fc.integer({ min: -5, max: 10 }), fc.double(), fc.string()),
        seed: fc.oneof(fc.integer(), fc.double(), fc.string()),
        promptExtend: fc.oneof(fc.boolean(), fc.string()),
        watermark: fc.boolean(),
      },
      { requiredKeys: [] }
    )
    .map((value) => JSON.stringify(value))
)
const file = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.constantFrom(
    fakeImage.png(800, 800),
    fakeImage.jpeg(40000, 2),
    fakeImage.gif(500, 500),
    new Uint8Array()
  )
)

describe('POST /api/generations under fuzzed uploads', () => {
  it('should never answer 5xx and never charge for a refused request', async () => {
    const { cookie, userId } = await signUp()
    await fc.assert(
      fc.asyncProperty(
        requestPart,
        fc.array(file, { maxLength: 4 }),
        fc.constantFrom('uuid', 'none', 'junk'),
        async (request, files, key) => {
          const form = new FormData()
          form.set('request', request)
          for (const bytes of files) form.append('reference', new File([bytes], 'x.jpg'))
          const headers: Record<string, string> = { cookie, origin: ORIGIN }
          if (key === 'uuid') headers['idempotency-key'] = crypto.randomUUID()
          if (key === 'junk') headers['idempotency-key'] = '../../etc'
          const before = await env.DB.prepare(
            'SELECT count(*) AS n FROM credit_ledger WHERE user_id = ?'
          )
            .bind(userId)
            .first<{ n: number }>()
          const res = await call('/api/generations', { method: 'POST', headers, body: form })
          expect(res.status).toBeLessThan(500)
          if (res.status >= 400) {
            const body = (await res.json()) as { error: { code: string } }
            expect(body.error.code).toBeTruthy()
            const after = await env.DB.prepare(
              'SELECT count(*) AS n FROM credit_ledger WHERE user_id = ?'
            )
              .bind(userId)
              .first<{ n: number }>()
            expect(after?.n).toBe(before?.n)
          } else {
            await res.body?.cancel()
          }
        }
      ),
      { numRuns: 80 }
    )
    await expectLedgerInvariant(userId)
  })

  it('should never answer 5xx on reads with fuzzed ids and queries', async () => {
    const { cookie } = await signUp()
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/api/generations/',
          '/api/generations?',
          '/api/sync?cursor=',
          '/api/generations/x/images/'
        ),
        fc.string(),
        async (prefix, tail) => {
          const res = await getWith(`${prefix}${encodeURIComponent(tail)}`, cookie)
          expect(res.status).toBeLessThan(500)
          await res.body?.cancel()
        }
      ),
      { numRuns: 80 }
    )
  })
})
