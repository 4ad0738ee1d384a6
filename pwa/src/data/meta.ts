import { db, type MetaKey, type MetaValues } from './db.ts'

/** Reads one `meta` value; undefined when it was never written. */
export const readMeta = async <K extends MetaKey>(key: K): Promise<MetaValues[K] | undefined> =>
  (await db.meta.get(key))?.value as MetaValues[K] | undefined

/** Writes one `meta` value. */
export const writeMeta = async <K extends MetaKey>(key: K, value: MetaValues[K]): Promise<void> => {
  await db.meta.put({ key, value })
}
