/** Deletes every R2 object whose key starts with `prefix`; returns how many there were. */
export const deletePrefix = async (bucket: R2Bucket, prefix: string): Promise<number> => {
  let deleted = 0
  let cursor: string | undefined
  do {
    const page = await bucket.list({ prefix, cursor, limit: 1000 })
    const keys = page.objects.map((object) => object.key)
    if (keys.length > 0) await bucket.delete(keys)
    deleted += keys.length
    cursor = page.truncated ? page.cursor : undefined
  } while (cursor)
  return deleted
}
