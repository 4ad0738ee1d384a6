import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'
import { authFor } from '../lib/auth.ts'

/**
 * better-auth's own routes (`/api/auth/*`). Their errors keep better-auth's `{ code, message }`
 * shape; its 429s, which carry no code, get `RATE_LIMITED` and the standard `Retry-After`.
 */
export const auth = new Hono<AppEnv>().on(['GET', 'POST'], '/*', async (c) => {
  const res = await authFor({ config: c.var.config, db: c.var.db, bucket: c.env.BUCKET }).handler(
    c.req.raw
  )
  if (res.status !== 429) return res
  const retryAfter = res.headers.get('x-retry-after') ?? '10'
  const { message } = (await res.json()) as { message?: string }
  return c.json({ code: 'RATE_LIMITED', message: message ?? 'Too many requests' }, 429, {
    'Retry-After': retryAfter,
  })
})
