import { profileSchema } from '@app/shared-types'
import { Hono } from 'hono'
import { type SessionReadEnv, sessionRead } from '../middleware/session-read.ts'
import { trustedOrigin } from '../middleware/trusted-origin.ts'
import type { RouteDoc } from '../openapi/route-doc.ts'
import { balancesPlan } from '../services/credits.ts'
import { toProfile } from '../services/profile.ts'

/** The signed-in user's profile and balances. */
export const me = new Hono<SessionReadEnv>()
  .use(trustedOrigin(), sessionRead())
  .get('/', async (c) => {
    const { session, result } = await c.var.readAsUser((userId) => balancesPlan(c.var.db, userId))
    return c.json(toProfile(session.user, result))
  })

export const meDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/me',
    summary: 'The signed-in user, account type and credit balances',
    tag: 'account',
    auth: true,
    responses: { 200: { description: 'The profile', schema: profileSchema } },
    errors: ['UNAUTHENTICATED'],
  },
]
