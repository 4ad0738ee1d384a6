/**
 * A value as an SQLite literal. `wrangler d1 execute` takes SQL text without parameters, so the
 * operator's remote runs inline them; drizzle has already turned dates and booleans into numbers.
 */
export const sqlLiteral = (value: unknown): string => {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'bigint') return String(value)
  if (typeof value === 'boolean') return value ? '1' : '0'
  if (value instanceof Date) return String(value.getTime())
  return `'${String(value).replaceAll("'", "''")}'`
}

/** A statement with its `?` placeholders replaced by literals, in order. */
export const inlineSql = ({ sql, params }: { sql: string; params: readonly unknown[] }): string => {
  let i = 0
  return sql.replace(/\?/g, () => sqlLiteral(params[i++]))
}
