import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { getWith, postJson, randomIp, signUp } from '../../test/accounts.ts'

const TABLES_WITH_USER_ID = [
  'session',
  'account',
  'credit_balance',
  'credit_ledger',
  'generation',
  'generation_image',
  'sync_state',
]

const seedUserData = async (userId: string) => {
  const generationId = crypto.randomUUID()
  const key = `users/${userId}/generations/${generationId}/output-0.png`
  await env.BUCKET.put(key, new Uint8Array([1, 2, 3]))
  await env.BUCKET.put(`users/${userId}/generations/${generationId}/reference-0.jpg`, 'x')
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO generation (id, user_id, workflow, status, fingerprint, params, model, cost, version, updated_at)
       VALUES (?, ?, 'ad-graphic', 'succeeded', 'f', '{}', 'qwen-image-max', 1, 1, ?)`
    ).bind(generationId, userId, Date.now()),
    env.DB.prepare(
      `INSERT INTO generation_image (id, generation_id, user_id, kind, idx, r2_key, content_type, width, height, bytes)
       VALUES (?, ?, ?, 'output', 0, ?, 'image/png', 1, 1, 3)`
    ).bind(crypto.randomUUID(), generationId, userId, key),
    env.DB.prepare('INSERT INTO sync_state (user_id, version) VALUES (?, 1)').bind(userId),
  ])
}

const rowsLeft = async (userId: string, email: string) => {
  const counts: Record<string, number> = {}
  for (const table of TABLES_WITH_USER_ID) {
    const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE user_id = ?`)
      .bind(userId)
      .first<{ n: number }>()
    counts[table] = row?.n ?? -1
  }
  const user = await env.DB.prepare('SELECT count(*) AS n FROM user WHERE id = ? OR email = ?')
    .bind(userId, email)
    .first<{ n: number }>()
  counts.user = user?.n ?? -1
  return counts
}

const objectsLeft = async (userId: string) =>
  (await env.BUCKET.list({ prefix: `users/${userId}/` })).objects.length

describe('POST /api/auth/delete-user', () => {
  it('should remove every row and every R2 object of the user, and nobody else’s', async () => {
    const victim = await signUp()
    const bystander = await signUp()
    await seedUserData(victim.userId)
    await seedUserData(bystander.userId)
    const res = await postJson(
      '/api/auth/delete-user',
      { password: victim.password },
      { cookie: victim.cookie, 'cf-connecting-ip': randomIp() }
    )
    expect(res.status).toBe(200)
    const left = await rowsLeft(victim.userId, victim.email)
    expect(
      Object.values(left).every((n) => n === 0),
      JSON.stringify(left)
    ).toBe(true)
    expect(await objectsLeft(victim.userId)).toBe(0)
    expect((await getWith('/api/me', victim.cookie)).status).toBe(401)
    expect(await objectsLeft(bystander.userId)).toBe(2)
    expect((await rowsLeft(bystander.userId, bystander.email)).credit_ledger).toBe(2)
  })

  it('should refuse a wrong password and keep everything', async () => {
    const user = await signUp()
    await seedUserData(user.userId)
    const res = await postJson(
      '/api/auth/delete-user',
      { password: 'not the password' },
      { cookie: user.cookie, 'cf-connecting-ip': randomIp() }
    )
    expect(res.status).toBe(400)
    expect(((await res.json()) as { code: string }).code).toBe('INVALID_PASSWORD')
    expect(await objectsLeft(user.userId)).toBe(2)
    expect((await getWith('/api/me', user.cookie)).status).toBe(200)
  })

  it('should refuse deletion without a session', async () => {
    const res = await postJson('/api/auth/delete-user', { password: 'whatever password' })
    expect(res.status).toBe(401)
  })
})
