import { drizzle } from 'drizzle-orm/d1'
import * as schema from './schema.ts'

/** The Drizzle client over the Worker's D1 binding, with every table's types. */
export const createDb = (d1: D1Database) => drizzle(d1, { schema })
export type Db = ReturnType<typeof createDb>
