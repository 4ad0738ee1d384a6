import { accountTypeSchema, type Balances, type Profile } from '@app/shared-types'
import type { AuthSession } from '../lib/auth.ts'

/** The profile of a signed-in user, with balances read in the same request. */
export const toProfile = (user: AuthSession['user'], balances: Balances): Profile => ({
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
  balances,
})
