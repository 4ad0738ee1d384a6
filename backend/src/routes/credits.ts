import { ledgerPageSchema, ledgerQuerySchema } from '@app/shared-types'
import { Hono } from 'hono'
import { validate } from '../lib/validator.ts'
import { type AuthedEnv, requireSession } from '../middleware/require-session.ts'
import { trustedOrigin } from '../middleware/trusted-origin.ts'
import type { RouteDoc } from '../openapi/route-doc.ts'
import { listLedger } from '../services/credits.ts'

/** The signed-in user's credit history. */
export const credits = new Hono<AuthedEnv>()
  .use(trustedOrigin(), requireSession())
  .get('/ledger', validate('query', ledgerQuerySchema), async (c) =>
    c.json(await listLedger(c.var.db, c.var.session.user.id, c.req.valid('query')))
  )

export const creditsDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/credits/ledger',
    summary: 'My credit history (grants, spends, refunds), newest first',
    tag: 'account',
    auth: true,
    query: ledgerQuerySchema,
    responses: { 200: { description: 'One page of the ledger', schema: ledgerPageSchema } },
    errors: ['UNAUTHENTICATED', 'VALIDATION_FAILED'],
  },
]
