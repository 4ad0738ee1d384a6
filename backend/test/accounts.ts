import { env } from 'cloudflare:workers'
import { expect } from 'vitest'
import { call } from './api.ts'

/** The origin the tests' requests come from; it is in TRUSTED_ORIGINS. */
export const ORIGIN = 'http://127.0.0.1:8787'

/** A random client IP, so the per-IP auth rate limits of one test never hit another. */
export const randomIp = () =>
  `10.${Array.from({ length: 3 }, () => Math.floor(Math.random() * 256)).join('.')}`

/** A JSON POST as the browser sends it from the app's own origin. */
export const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
    body: JSON.stringify(body),
  })

/** The `name=value` pairs of a response's Set-Cookie headers, ready for a Cookie header. */
export const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ')

/** Creates an account and returns its session cookie. */
export const signUp = async (overrides: { email?: string; password?: string } = {}) => {
  const email = overrides.email ?? `u-${crypto.randomUUID()}@example.test`
  const password = overrides.password ?? 'correct horse battery'
  const res = await postJson(
    '/api/auth/sign-up/email',
    { name: 'Test User', email, password },
    { 'cf-connecting-ip': randomIp() }
  )
  expect(res.status, await res.clone().text()).toBe(200)
  const body = (await res.json()) as { user: { id: string } }
  return { email, password, userId: body.user.id, cookie: cookieOf(res) }
}

/** Signs in again, giving a second session of the same user. */
export const signIn = async (email: string, password: string) => {
  const res = await postJson(
    '/api/auth/sign-in/email',
    { email, password },
    { 'cf-connecting-ip': randomIp() }
  )
  expect(res.status).toBe(200)
  return cookieOf(res)
}

/** A GET with a session cookie. */
export const getWith = (path: string, cookie: string) => call(path, { headers: { cookie } })

/** Checks balance = SUM(ledger.delta) for every workflow of the user. */
export const expectLedgerInvariant = async (userId: string) => {
  const { results } = await env.DB.prepare(
    `SELECT b.workflow, b.balance, COALESCE(SUM(l.delta), 0) AS total
       FROM credit_balance b LEFT JOIN credit_ledger l
         ON l.user_id = b.user_id AND l.workflow = b.workflow
      WHERE b.user_id = ? GROUP BY b.workflow, b.balance`
  )
    .bind(userId)
    .all<{ workflow: string; balance: number; total: number }>()
  for (const row of results) expect(row.balance, row.workflow).toBe(row.total)
  const { results: orphans } = await env.DB.prepare(
    `SELECT workflow FROM credit_ledger WHERE user_id = ?
      EXCEPT SELECT workflow FROM credit_balance WHERE user_id = ?`
  )
    .bind(userId, userId)
    .all()
  expect(orphans).toEqual([])
}

/** A user row written straight to D1, with no credits: what a sign-up that stopped half-way leaves. */
export const insertBareUser = async () => {
  const id = crypto.randomUUID()
  await env.DB.prepare(
    'INSERT INTO user (id, name, email, email_verified, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)'
  )
    .bind(id, 'Bare', `u-${id}@example.test`, Date.now(), Date.now())
    .run()
  return id
}
