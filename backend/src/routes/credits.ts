import { ledgerPageSchema, ledgerQuerySchema } from '@app/shared-types'
import { Hono } from 'hono'
import { validate } from '../lib/validator.ts'
import { type SessionReadEnv, sessionRead } from '../middleware/session-read.ts'
import { trustedOrigin } from '../middleware/trusted-origin.ts'
import type { RouteDoc } from '../openapi/route-doc.ts'
import { ledgerPlan } from '../services/credits.ts'

/** The signed-in user's credit history. */
export const credits = new Hono<SessionReadEnv>()
  .use(trustedOrigin())
  .get('/ledger', sessionRead(), validate('query', ledgerQuerySchema), async (c) => {
    const page = c.req.valid('query')
    const { result } = await c.var.readAsUser((userId) => ledgerPlan(c.var.db, userId, page))
    return c.json(result)
  })

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
