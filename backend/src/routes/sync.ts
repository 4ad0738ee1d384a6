import { syncPageSchema, syncQuerySchema } from '@app/shared-types'
import { Hono } from 'hono'
import { validate } from '../lib/validator.ts'
import { type SessionReadEnv, sessionRead } from '../middleware/session-read.ts'
import { trustedOrigin } from '../middleware/trusted-origin.ts'
import type { RouteDoc } from '../openapi/route-doc.ts'
import { pullChangesPlan } from '../services/sync.ts'

/** The sync feed the PWA pulls by cursor. */
export const sync = new Hono<SessionReadEnv>()
  .use(trustedOrigin(), sessionRead())
  .get('/', validate('query', syncQuerySchema), async (c) => {
    const query = c.req.valid('query')
    const { result } = await c.var.readAsUser((userId) => pullChangesPlan(c.var.db, userId, query))
    return c.json(result)
  })

export const syncDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/sync',
    summary:
      'Changes to my generations after a cursor (100 a page, up to 1,000 for a catch-up), and my balances',
    tag: 'sync',
    auth: true,
    query: syncQuerySchema,
    responses: { 200: { description: 'One page of changes', schema: syncPageSchema } },
    errors: ['UNAUTHENTICATED', 'VALIDATION_FAILED'],
  },
]
