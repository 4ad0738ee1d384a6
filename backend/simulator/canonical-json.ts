import { createHash } from 'node:crypto'

const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(entries.map(([key, item]) => [key, sortKeys(item)]))
}

/** JSON with object keys sorted and no whitespace, so equal bodies give equal strings. */
export const canonicalJson = (value: unknown): string => JSON.stringify(sortKeys(value))

/** Hex SHA-256 of a string or bytes. */
export const sha256Hex = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex')
