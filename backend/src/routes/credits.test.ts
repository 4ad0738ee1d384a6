import { env } from 'cloudflare:workers'
import { apiErrorBodySchema, ledgerPageSchema } from '@app/shared-types'
import { describe, expect, it } from 'vitest'
import { expectLedgerInvariant, getWith, signUp } from '../../test/accounts.ts'
import { call } from '../../test/api.ts'
import { createDb } from '../db/client.ts'
import { creditChange } from '../services/credits.ts'

describe('GET /api/credits/ledger', () => {
  it('should page my own history newest first', async () => {
    const { cookie, userId } = await signUp()
    await createDb(env.DB).batch(
      creditChange(
        createDb(env.DB),
        {
          userId,
          workflow: 'ad-graphic',
          delta: 5,
          reason: 'grant',
          idemKey: `grant:${crypto.randomUUID()}`,
          note: 'launch promo',
        },
        new Date(Date.now() + 1000)
      )
    )
    const first = ledgerPageSchema.parse(
      await (await getWith('/api/credits/ledger?limit=1', cookie)).json()
    )
    expect(first.items).toHaveLength(1)
    expect(first.items[0]).toMatchObject({ reason: 'grant', delta: 5, note: 'launch promo' })
    expect(first.nextCursor).toBeTruthy()
    const rest = ledgerPageSchema.parse(
      await (
        await getWith(`/api/credits/ledger?limit=10&cursor=${first.nextCursor}`, cookie)
      ).json()
    )
    expect(rest.items.map((i) => i.reason)).toEqual(['welcome', 'welcome'])
    expect(rest.nextCursor).toBeNull()
    await expectLedgerInvariant(userId)
  })

  it('should never show another user’s rows', async () => {
    const a = await signUp()
    const b = await signUp()
    const page = ledgerPageSchema.parse(
      await (await getWith('/api/credits/ledger', b.cookie)).json()
    )
    expect(page.items).toHaveLength(2)
    const { results } = await env.DB.prepare('SELECT id FROM credit_ledger WHERE user_id = ?')
      .bind(a.userId)
      .all<{ id: string }>()
    for (const row of results) expect(page.items.map((i) => i.id)).not.toContain(row.id)
  })

  it.each(['cursor=not-a-cursor', 'limit=0', 'limit=101', 'limit=abc', 'extra=1'])(
    'should answer %s with VALIDATION_FAILED',
    async (query) => {
      const { cookie } = await signUp()
      const res = await getWith(`/api/credits/ledger?${query}`, cookie)
      expect(res.status).toBe(400)
      expect(apiErrorBodySchema.parse(await res.json()).error.code).toBe('VALIDATION_FAILED')
    }
  )

  it('should need a session', async () => {
    const res = await call('/api/credits/ledger')
    expect(res.status).toBe(401)
  })
})

describe('trusted origins on our routes', () => {
  it('should refuse a state-changing request from another origin, even with a session', async () => {
    const { cookie } = await signUp()
    const res = await call('/api/me', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example' },
    })
    expect(res.status).toBe(403)
    expect(apiErrorBodySchema.parse(await res.json()).error.code).toBe('FORBIDDEN')
    const noOrigin = await call('/api/me', { method: 'POST', headers: { cookie } })
    expect(noOrigin.status).toBe(403)
  })
})

describe('welcome credits on the first authenticated request', () => {
  it('should grant them once when verification stopped half-way, under 200 concurrent requests', async () => {
    const { cookie, userId } = await signUp({ verified: false })
    // Verified, but the grant that follows verification never ran.
    await env.DB.prepare('UPDATE user SET email_verified = 1 WHERE id = ?').bind(userId).run()
    const answers = await Promise.all(Array.from({ length: 200 }, () => getWith('/api/me', cookie)))
    expect(answers.map((r) => r.status)).toEqual(Array(200).fill(200))
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM credit_ledger WHERE user_id = ?')
      .bind(userId)
      .first<{ n: number }>()
    expect(rows?.n).toBe(2)
    await expectLedgerInvariant(userId)
  })
})
