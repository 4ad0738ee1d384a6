import { env } from 'cloudflare:workers'
import { expect, inject } from 'vitest'
import type { MailboxMessage } from '../mailbox/store.ts'
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

/** The emails the Worker sent to `to` so far, newest first, from the local mailbox. */
export const emailsTo = async (to: string): Promise<MailboxMessage[]> => {
  const res = await fetch(`${inject('mailboxUrl')}/messages?to=${encodeURIComponent(to)}`)
  return (await res.json()) as MailboxMessage[]
}

/** The link of the newest email to `to` whose subject matches, once it has arrived. */
export const linkFromEmail = async (to: string, subject: RegExp): Promise<string> => {
  const newest = async () => (await emailsTo(to)).find((email) => subject.test(email.subject))
  await expect.poll(newest).toBeDefined()
  const link = (await newest())?.links[0]
  if (!link) throw new Error(`The email to ${to} has no link`)
  return link
}

/** Opens a link from an email as the browser would, keeping only its path on the Worker. */
export const followLink = (link: string, cookie?: string) => {
  const url = new URL(link)
  return call(url.pathname + url.search, {
    redirect: 'manual',
    headers: { 'cf-connecting-ip': randomIp(), ...(cookie ? { cookie } : {}) },
  })
}

/**
 * Verifies the address the way a person does: the verification email's link, from the local
 * mailbox. Answers better-auth's redirect, which signs the user in (in a new session, unless the
 * browser's `cookie` already holds one of this user).
 */
export const verifyEmail = async (email: string, cookie?: string) => {
  const res = await followLink(await linkFromEmail(email, /^Verify your email/), cookie)
  expect(res.status).toBe(302)
  return res
}

/**
 * Creates an account and returns its session cookie. By default the address is verified through
 * the emailed link, which is what gives the welcome credits; `verified: false` leaves it as a
 * sign-up leaves it.
 */
export const signUp = async (
  overrides: { email?: string; password?: string; verified?: boolean } = {}
) => {
  const email = overrides.email ?? `u-${crypto.randomUUID()}@example.test`
  const password = overrides.password ?? 'correct horse battery'
  const res = await postJson(
    '/api/auth/sign-up/email',
    { name: 'Test User', email, password },
    { 'cf-connecting-ip': randomIp() }
  )
  expect(res.status, await res.clone().text()).toBe(200)
  const body = (await res.json()) as { user: { id: string } }
  const cookie = cookieOf(res)
  if (overrides.verified ?? true) await verifyEmail(email, cookie)
  return { email, password, userId: body.user.id, cookie }
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

/** How many welcome ledger rows the user has (one per workflow once welcomed). */
export const welcomeRows = async (userId: string) =>
  (
    await env.DB.prepare(
      "SELECT count(*) AS n FROM credit_ledger WHERE user_id = ? AND reason = 'welcome'"
    )
      .bind(userId)
      .first<{ n: number }>()
  )?.n

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

/**
 * A user row written straight to D1, with no credits: what a sign-up that stopped half-way leaves
 * (verified or not, as asked). Its email is `u-<id>@example.test`.
 */
export const insertBareUser = async ({ verified = false }: { verified?: boolean } = {}) => {
  const id = crypto.randomUUID()
  await env.DB.prepare(
    'INSERT INTO user (id, name, email, email_verified, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)'
  )
    .bind(id, 'Bare', `u-${id}@example.test`, verified ? 1 : 0, Date.now(), Date.now())
    .run()
  return id
}
