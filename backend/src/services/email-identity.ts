/** Gmail's domains: Gmail ignores dots in the name, and googlemail.com is the same mailbox. */
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com'])

/**
 * The mailbox an address reaches, as one string: lower-cased, without a `+tag` (Gmail, Outlook,
 * iCloud, Fastmail, Proton and most providers deliver `name+anything@` to `name@`), and for Gmail
 * without dots and on gmail.com. Only the welcome grant and the per-address limits use it: two
 * accounts may still be `name@` and `name+shop@`, they just share one welcome grant.
 *
 * @example normaliseEmail('J.Doe+ads@GoogleMail.com') // 'jdoe@gmail.com'
 */
export const normaliseEmail = (email: string): string => {
  const address = email.trim().toLowerCase()
  const at = address.lastIndexOf('@')
  if (at < 1) return address
  let local = address.slice(0, at)
  let domain = address.slice(at + 1)
  const plus = local.indexOf('+')
  if (plus > 0) local = local.slice(0, plus)
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replaceAll('.', '')
    domain = 'gmail.com'
  }
  return `${local}@${domain}`
}

const keys = new Map<string, Promise<CryptoKey>>()

const hmacKey = (secret: string): Promise<CryptoKey> => {
  let key = keys.get(secret)
  if (!key) {
    key = crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign']
    )
    keys.set(secret, key)
  }
  return key
}

/**
 * HMAC-SHA-256 of the normalised address under a server secret, in hex. Keyed, so the stored
 * hashes cannot be matched against a list of addresses by anyone who only has the database.
 */
export const emailHash = async (secret: string, email: string): Promise<string> => {
  const mac = await crypto.subtle.sign(
    'HMAC',
    await hmacKey(secret),
    new TextEncoder().encode(normaliseEmail(email))
  )
  return [...new Uint8Array(mac)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}
