/** The R2 prefix under which every object of one user lives. */
export const userPrefix = (userId: string) => `users/${userId}/`

/** Deletes every R2 object of a user (their generations' outputs and reference photos). */
export const deleteUserImages = async (bucket: R2Bucket, userId: string): Promise<number> => {
  let deleted = 0
  let cursor: string | undefined
  do {
    const page = await bucket.list({ prefix: userPrefix(userId), cursor, limit: 1000 })
    const keys = page.objects.map((object) => object.key)
    if (keys.length > 0) await bucket.delete(keys)
    deleted += keys.length
    cursor = page.truncated ? page.cursor : undefined
  } while (cursor)
  return deleted
}
