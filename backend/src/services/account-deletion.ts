import { deletePrefix } from '../lib/delete-prefix.ts'

/** The R2 prefix under which every object of one user lives. */
const userPrefix = (userId: string) => `users/${userId}/`

/** Deletes every R2 object of a user (their generations' outputs and reference photos). */
export const deleteUserImages = (bucket: R2Bucket, userId: string): Promise<number> =>
  deletePrefix(bucket, userPrefix(userId))
