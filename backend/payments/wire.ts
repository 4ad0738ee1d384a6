import { createHmac, randomBytes } from 'node:crypto'

/** The API version stamped on events: the one stripe@23.2.0 (the Worker's SDK) pins. */
export const API_VERSION = '2026-11-18.endive'

/** A Stripe-looking id: `cs_test_…`, `pi_…`, `ch_…`, `evt_…`, 24 random alphanumerics after the prefix. */
export const stripeId = (prefix: string) => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  const bytes = randomBytes(24)
  return `${prefix}_${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`
}

/** An error body in Stripe's shape: `{ error: { type, message, code?, param? } }`. */
export const stripeError = (
  type: 'invalid_request_error' | 'api_error',
  message: string,
  extra: { code?: string; param?: string } = {}
) => ({ error: { type, message, ...extra } })

export type FormValue = string | FormValue[] | { [key: string]: FormValue }

const isIndex = (key: string) => /^\d+$/.test(key)

/** Objects whose keys are all 0..n-1 become arrays, as Stripe reads `line_items[0][…]`. */
const toArrays = (value: FormValue): FormValue => {
  if (typeof value === 'string' || Array.isArray(value)) return value
  const keys = Object.keys(value)
  const converted = Object.fromEntries(keys.map((key) => [key, toArrays(value[key] as FormValue)]))
  if (keys.length > 0 && keys.every(isIndex)) {
    const sorted = keys.map(Number).sort((a, b) => a - b)
    if (sorted.every((n, i) => n === i)) return sorted.map((n) => converted[String(n)] as FormValue)
  }
  return converted
}

/**
 * An `application/x-www-form-urlencoded` body with Stripe's bracket keys
 * (`line_items[0][price_data][unit_amount]=900`, `metadata[userId]=u1`) as nested objects and arrays.
 * A key that is both a value and a parent (`a=1&a[b]=2`) is refused.
 */
export const parseStripeForm = (body: string): Record<string, FormValue> => {
  const root: Record<string, FormValue> = {}
  for (const [key, value] of new URLSearchParams(body)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key)
    if (!match) throw new Error(`Invalid parameter name: ${key}`)
    const path = [
      match[1] as string,
      ...[...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] as string),
    ]
    let node: Record<string, FormValue> = root
    path.forEach((part, i) => {
      if (i === path.length - 1) {
        if (typeof node[part] === 'object') throw new Error(`Invalid parameter: ${key}`)
        node[part] = value
        return
      }
      const next = node[part] ?? {}
      if (typeof next !== 'object' || Array.isArray(next)) {
        throw new Error(`Invalid parameter: ${key}`)
      }
      node[part] = next
      node = next
    })
  }
  return toArrays(root) as Record<string, FormValue>
}

/**
 * The `Stripe-Signature` header Stripe sends with a webhook: `t=<unix seconds>,v1=<hex HMAC-SHA256
 * of "<t>.<payload>" keyed with the endpoint's signing secret>`.
 */
export const signatureHeader = (secret: string, payload: string, timestamp: number) => {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex')
  return `t=${timestamp},v1=${v1}`
}
