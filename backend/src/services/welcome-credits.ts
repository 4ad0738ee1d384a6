import { WELCOME_CREDITS, WORKFLOWS } from '@app/shared-types'
import { inArray } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { creditLedger, welcomeGrant } from '../db/schema.ts'
import { creditChange, isDuplicateLedgerKey, welcomeKey } from './credits.ts'
import { emailHash } from './email-identity.ts'

/** The account the welcome grant is for. */
export interface WelcomeUser {
  id: string
  email: string
  emailVerified: boolean
}

const isDuplicateAddress = (error: unknown): boolean =>
  /UNIQUE constraint failed: welcome_grant\.email_hash/.test(
    error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error)
  )

/** Marks an address as welcomed (no credits); a no-op when it already is. */
const recordAddress = (db: Db, hash: string) =>
  db.insert(welcomeGrant).values({ emailHash: hash }).onConflictDoNothing()

/**
 * Grants the welcome credits of every workflow to a user whose address was never welcomed, in one
 * batch with the address's hash: a second account on the same address (after deleting the first,
 * or another `+tag`) fails on the hash, and a second grant to the same user on the ledger key, so
 * neither gets anything however often or concurrently this runs. A user who already had the grant
 * (an account from before verification existed) gets nothing more, and its address is recorded.
 * Returns whether this call granted.
 */
export const grantWelcomeOnce = async (
  db: Db,
  secret: string,
  user: WelcomeUser
): Promise<boolean> => {
  const hash = await emailHash(secret, user.email)
  const grants = WORKFLOWS.flatMap((workflow) =>
    creditChange(db, {
      userId: user.id,
      workflow,
      delta: WELCOME_CREDITS,
      reason: 'welcome',
      idemKey: welcomeKey(user.id, workflow),
    })
  )
  try {
    await db.batch([db.insert(welcomeGrant).values({ emailHash: hash }), ...grants])
    return true
  } catch (error) {
    if (isDuplicateAddress(error)) return false
    if (!isDuplicateLedgerKey(error)) throw error
    await recordAddress(db, hash)
    return false
  }
}

const hasWelcomeGrant = async (db: Db, userId: string): Promise<boolean> => {
  const keys = WORKFLOWS.map((workflow) => welcomeKey(userId, workflow))
  const rows = await db
    .select({ key: creditLedger.idemKey })
    .from(creditLedger)
    .where(inArray(creditLedger.idemKey, keys))
  return rows.length > 0
}

/**
 * Records the address of a user who holds a welcome grant, so that the address is remembered even
 * for accounts welcomed before addresses were recorded (at sign-up, without verification). Runs
 * before an account is deleted.
 */
export const rememberWelcomedAddress = async (db: Db, secret: string, user: WelcomeUser) => {
  if (await hasWelcomeGrant(db, user.id))
    await recordAddress(db, await emailHash(secret, user.email))
}

/** Users this isolate has seen settled (welcomed, or their address already used); bounded. */
const settledUsers = new Set<string>()
const SETTLED_USERS_MAX = 10_000

/**
 * On a signed-in request: a verified user without the grant gets it if the address never had it
 * (the grant at verification failed half-way, or a provider sign-up); a user who holds one has
 * its address recorded (accounts from before verification). Unverified users get nothing until
 * they verify. Once settled, a user costs this isolate no more reads. Returns whether this call
 * granted, so that balances read before it can be read again.
 */
export const ensureWelcomeCredits = async (
  db: Db,
  secret: string,
  user: WelcomeUser,
  settled: Set<string> = settledUsers
): Promise<boolean> => {
  if (settled.has(user.id)) return false
  let granted = false
  if (await hasWelcomeGrant(db, user.id)) {
    await recordAddress(db, await emailHash(secret, user.email))
  } else if (user.emailVerified) {
    granted = await grantWelcomeOnce(db, secret, user)
  } else {
    return false
  }
  if (settled.size >= SETTLED_USERS_MAX) settled.clear()
  settled.add(user.id)
  return granted
}
