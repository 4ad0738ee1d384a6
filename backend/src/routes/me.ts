import { profileSchema } from '@app/shared-types'
import { Hono } from 'hono'
import { type AuthedEnv, requireSession } from '../middleware/require-session.ts'
import { trustedOrigin } from '../middleware/trusted-origin.ts'
import type { RouteDoc } from '../openapi/route-doc.ts'
import { getProfile } from '../services/profile.ts'

/** The signed-in user's profile and balances. */
export const me = new Hono<AuthedEnv>()
  .use(trustedOrigin(), requireSession())
  .get('/', async (c) => c.json(await getProfile(c.var.db, c.var.session.user)))

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
