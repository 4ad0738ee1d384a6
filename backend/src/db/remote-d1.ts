import { inlineSql } from './inline-sql.ts'

/** A result row as `wrangler d1 execute --json` prints it: an object keyed by column name. */
export type RemoteRow = Record<string, unknown>

/**
 * Runs SQL text on a database that takes no parameters (the deployed D1 through wrangler).
 * `read` answers the rows of each statement; `write` runs the statements as one unit, all or none.
 */
export interface RemoteExecutor {
  read(statements: string[]): Promise<RemoteRow[][]>
  write(statements: string[]): Promise<void>
}

const READ = /^\s*(select|with)\b/i

interface RemoteStatement {
  readonly sql: string
  readonly params: readonly unknown[]
}

const resultOf = (rows: RemoteRow[]) => ({ results: rows, success: true, meta: {} })

/**
 * A D1 binding over a `RemoteExecutor`, so the operator's commands run the very drizzle queries
 * and batches the Worker runs, with drizzle mapping the rows back. It implements what drizzle
 * calls (`prepare`, `bind`, `all`, `raw`, `run`, `batch`). Reads in a batch go out
 * together; a batch with any write goes out as one write, which keeps D1's all-or-none batch.
 */
export const remoteD1 = (executor: RemoteExecutor): D1Database => {
  const readOne = async (statement: RemoteStatement) =>
    (await executor.read([inlineSql(statement)]))[0] ?? []
  const prepare = (sql: string, params: readonly unknown[] = []) => {
    const statement: RemoteStatement = { sql, params }
    return {
      ...statement,
      bind: (...values: unknown[]) => prepare(sql, values),
      all: async () => resultOf(await readOne(statement)),
      // Object keys keep the column order of the answer, which is what drizzle's own batch relies on.
      raw: async () => (await readOne(statement)).map((row) => Object.values(row)),
      run: async () => {
        await executor.write([inlineSql(statement)])
        return resultOf([])
      },
    }
  }
  const batch = async (statements: RemoteStatement[]) => {
    const texts = statements.map(inlineSql)
    if (texts.every((text) => READ.test(text))) return (await executor.read(texts)).map(resultOf)
    await executor.write(texts)
    return texts.map(() => resultOf([]))
  }
  // Only the members drizzle uses exist; the cast is the price of not implementing the rest.
  return { prepare, batch } as unknown as D1Database
}
