import { syncPageSchema, syncQuerySchema } from '@app/shared-types'
import { Hono } from 'hono'
import { validate } from '../lib/validator.ts'
import { type AuthedEnv, requireSession } from '../middleware/require-session.ts'
import { trustedOrigin } from '../middleware/trusted-origin.ts'
import type { RouteDoc } from '../openapi/route-doc.ts'
import { pullChanges } from '../services/sync.ts'

/** The sync feed the PWA pulls by cursor. */
export const sync = new Hono<AuthedEnv>()
  .use(trustedOrigin(), requireSession())
  .get('/', validate('query', syncQuerySchema), async (c) =>
    c.json(await pullChanges(c.var.db, c.var.session.user.id, c.req.valid('query')))
  )

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
