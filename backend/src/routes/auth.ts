import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../env.ts'
import { ApiError } from '../lib/api-error.ts'
import { authFor } from '../lib/auth.ts'

/** Every auth body is a few small fields; 16 KB leaves room and refuses floods early. */
const AUTH_BODY_MAX = 16 * 1024

/**
 * better-auth's own routes (`/api/auth/*`). Their errors keep better-auth's `{ code, message }`
 * shape; its 429s, which carry no code, get `RATE_LIMITED` and the standard `Retry-After`.
 */
export const auth = new Hono<AppEnv>().on(
  ['GET', 'POST'],
  '/*',
  bodyLimit({
    maxSize: AUTH_BODY_MAX,
    onError: () => {
      throw new ApiError(
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than ${AUTH_BODY_MAX / 1024} KB`
      )
    },
  }),
  async (c) => {
    const res = await authFor({ config: c.var.config, db: c.var.db, bucket: c.env.BUCKET }).handler(
      c.req.raw
    )
    if (res.status !== 429) return res
    const retryAfter = res.headers.get('x-retry-after') ?? '10'
    const { message } = (await res.json()) as { message?: string }
    return c.json({ code: 'RATE_LIMITED', message: message ?? 'Too many requests' }, 429, {
      'Retry-After': retryAfter,
    })
  }
)
