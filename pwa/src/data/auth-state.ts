import { db } from './db.ts'

/**
 * After a 401: the session is marked expired and every request waiting on the device pauses until
 * the user signs in again. Nothing is deleted.
 */
export const markSessionExpired = async (): Promise<void> => {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    await db.meta.put({ key: 'authState', value: 'expired' })
    await db.outbox.where('state').anyOf('waiting', 'sending').modify({ state: 'paused' })
  })
}

/** After a sign-in: paused requests wait to be sent again, at once. */
export const resumeOutbox = async (): Promise<void> => {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    await db.meta.put({ key: 'authState', value: 'signed-in' })
    await db.outbox.where('state').equals('paused').modify({ state: 'waiting', nextAttemptAt: 0 })
  })
}
