import { randomUUID } from 'node:crypto'
import { waitForEmailLink } from '../../scripts/lib/mailbox.mjs'
import { executeSql, literal } from './d1.mjs'

const randomIp = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`

/**
 * A new, verified account through the real API: sign-up, then the link of the verification
 * email from the local mailbox at `mailboxUrl` (verifying gives the welcome credits, and only
 * verified accounts may spend). A random client IP keeps the per-IP rate limits apart.
 */
export const signUp = async (origin, mailboxUrl) => {
  const email = `bench-${randomUUID()}@example.test`
  const password = 'a long bench password'
  const res = await fetch(`${origin}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, 'cf-connecting-ip': randomIp() },
    body: JSON.stringify({ name: 'Bench Baker', email, password }),
  })
  if (!res.ok) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`)
  const body = await res.json()
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const link = await waitForEmailLink(mailboxUrl, email, /^Verify your email/)
  const verified = await fetch(link, {
    redirect: 'manual',
    headers: { cookie, 'cf-connecting-ip': randomIp() },
  })
  if (verified.status !== 302) throw new Error(`verification failed: ${verified.status}`)
  return { email, password, cookie, userId: body.user.id }
}

/**
 * Adds credits the way the operator CLI does (a `grant` ledger row, then the balance recomputed
 * from the ledger), in SQL so one wrangler call can grant many accounts.
 */
export const grantSql = (userId, workflow, amount) => {
  const now = Date.now()
  return `INSERT INTO credit_ledger (id, user_id, workflow, delta, reason, note, idem_key, created_at)
  VALUES (${literal(randomUUID())}, ${literal(userId)}, ${literal(workflow)}, ${amount}, 'grant', 'bench', ${literal(`grant:bench-${randomUUID()}`)}, ${now});
INSERT INTO credit_balance (user_id, workflow, balance, updated_at) VALUES (${literal(userId)}, ${literal(workflow)}, 0, ${now})
  ON CONFLICT DO NOTHING;
UPDATE credit_balance SET balance = (SELECT COALESCE(SUM(delta), 0) FROM credit_ledger
  WHERE user_id = ${literal(userId)} AND workflow = ${literal(workflow)}), updated_at = ${now}
  WHERE user_id = ${literal(userId)} AND workflow = ${literal(workflow)};
`
}

/**
 * `count` finished generations (one 1328×1328 output each, ad graphics and product shots
 * alternating, a minute apart, newest last) for one user in bulk, each with its own sync version
 * after the user's current clock, and the clock moved to the last of them. The output images are
 * rows only: nothing is put in R2, so opening one answers 404.
 */
export const seedGenerationsSql = (userId, count) => {
  const u = literal(userId)
  const prefix = randomUUID().slice(0, 8)
  const start = Date.now() - count * 60_000
  return `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${count})
INSERT INTO generation (id, user_id, workflow, status, fingerprint, params, model, cost, refunded,
  simulated, attempts, version, created_at, updated_at, started_at, finished_at)
SELECT printf('${prefix}-0000-4000-8000-%012d', i), ${u},
  CASE i % 2 WHEN 0 THEN 'ad-graphic' ELSE 'product-shoot' END, 'succeeded',
  printf('bench-%s-%d', '${prefix}', i),
  json_object('prompt', printf('Bench item %d: fresh bread on a rustic table, warm morning light', i),
    'size', '1328*1328', 'n', 1, 'promptExtend', json('true')),
  CASE i % 2 WHEN 0 THEN 'qwen-image-max' ELSE 'qwen-image-edit-max' END, 1, 0, 1, 1,
  COALESCE((SELECT version FROM sync_state WHERE user_id = ${u}), 0) + i,
  ${start} + i * 60000, ${start} + i * 60000 + 20000, ${start} + i * 60000 + 1000, ${start} + i * 60000 + 20000
FROM seq;
INSERT INTO generation_image (id, generation_id, user_id, kind, idx, r2_key, content_type, width, height, bytes, created_at)
SELECT 'img-' || id, id, user_id, 'output', 0,
  'users/' || user_id || '/generations/' || id || '/output-0.png', 'image/png', 1328, 1328, 1048576, finished_at
FROM generation WHERE user_id = ${u} AND id LIKE '${prefix}-%';
INSERT INTO sync_state (user_id, version) VALUES (${u}, (SELECT MAX(version) FROM generation WHERE user_id = ${u}))
  ON CONFLICT (user_id) DO UPDATE SET version = excluded.version;
`
}

/** Runs several accounts' SQL (grants, seeds) in one wrangler call. */
export const applySql = (stateDir, ...statements) => executeSql(stateDir, statements.join('\n'))
