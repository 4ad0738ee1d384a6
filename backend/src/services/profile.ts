import { accountTypeSchema, type Profile } from '@app/shared-types'
import type { Db } from '../db/client.ts'
import type { AuthSession } from '../lib/auth.ts'
import { getBalances } from './credits.ts'

/** The profile of a signed-in user, with their balances read now. */
export const getProfile = async (db: Db, user: AuthSession['user']): Promise<Profile> => ({
  user: {
    id: user.id,
    name: user.name,
    email: user.email,
    emailVerified: user.emailVerified,
    image: user.image ?? null,
    createdAt: new Date(user.createdAt).toISOString(),
  },
  // better-auth stores it (an additional field) but does not type it on the session's user.
  accountType: accountTypeSchema
    .catch('free')
    .parse((user as { accountType?: unknown }).accountType),
  balances: await getBalances(db, user.id),
})
