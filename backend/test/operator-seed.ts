import { env } from 'cloudflare:workers'

let versions = 0

/** A generation row written straight to D1 at `createdAt`, with `images` output images stored then. */
export const seedGeneration = async (
  userId: string,
  seed: {
    createdAt: number
    workflow?: 'product-shoot' | 'ad-graphic'
    model?: string
    status?: 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled'
    simulated?: boolean
    images?: number
    refunded?: number
  }
) => {
  const id = crypto.randomUUID()
  const at = seed.createdAt
  // Versions are unique per user; a counter keeps them so across every seed of a test file.
  const version = ++versions
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO generation (id, user_id, workflow, status, fingerprint, params, model, cost, refunded, simulated, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'f', '{"prompt":"p","n":1,"promptExtend":true}', ?, 1, ?, ?, ?, ?, ?)`
    ).bind(
      id,
      userId,
      seed.workflow ?? 'ad-graphic',
      seed.status ?? 'succeeded',
      seed.model ?? 'qwen-image-max',
      seed.refunded ?? 0,
      seed.simulated ? 1 : 0,
      version,
      at,
      at
    ),
    ...Array.from({ length: seed.images ?? 0 }, (_, index) =>
      env.DB.prepare(
        `INSERT INTO generation_image (id, generation_id, user_id, kind, idx, r2_key, content_type, width, height, bytes, created_at)
         VALUES (?, ?, ?, 'output', ?, ?, 'image/png', 1024, 1024, 100, ?)`
      ).bind(crypto.randomUUID(), id, userId, index, `test/${id}/${index}.png`, at)
    ),
  ])
  return id
}

/** A ledger row (and nothing else) written straight to D1 at `createdAt`. */
export const seedLedgerRow = (
  userId: string,
  row: { createdAt: number; reason: string; delta: number; workflow?: string }
) =>
  env.DB.prepare(
    `INSERT INTO credit_ledger (id, user_id, workflow, delta, reason, idem_key, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`
  )
    .bind(
      crypto.randomUUID(),
      userId,
      row.workflow ?? 'ad-graphic',
      row.delta,
      row.reason,
      `seed:${crypto.randomUUID()}`,
      row.createdAt
    )
    .run()

/** A purchase row as the payment side leaves it, written straight to D1. */
export const seedPurchase = (
  userId: string,
  row: {
    createdAt: number
    status: 'pending' | 'completed' | 'expired' | 'reversed'
    credits: number
    amount: number
    currency?: string
    completedAt?: number
    reversedAt?: number
    creditsTakenBack?: number
    shortfall?: number
  }
) =>
  env.DB.prepare(
    `INSERT INTO purchase (id, user_id, workflow, pack, credits, amount, currency, status, credits_taken_back, shortfall, created_at, completed_at, reversed_at)
     VALUES (?, ?, 'ad-graphic', 'small', ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
    .bind(
      `cs_test_${crypto.randomUUID()}`,
      userId,
      row.credits,
      row.amount,
      row.currency ?? 'usd',
      row.status,
      row.creditsTakenBack ?? 0,
      row.shortfall ?? 0,
      row.createdAt,
      row.completedAt ?? null,
      row.reversedAt ?? null
    )
    .run()
