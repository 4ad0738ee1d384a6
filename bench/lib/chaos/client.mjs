import { randomUUID } from 'node:crypto'

/** The terminal states: a generation in one of them never changes again. */
export const TERMINAL = ['succeeded', 'failed', 'canceled']

/** Posts one generation as the PWA does; resolves to its id once the server accepted it. */
export const postGeneration = async (origin, cookie, request, references = []) => {
  const form = new FormData()
  form.set('request', JSON.stringify(request))
  for (const [i, bytes] of references.entries()) {
    form.append('reference', new File([bytes], `photo-${i}.png`, { type: 'image/png' }))
  }
  const id = randomUUID()
  const res = await fetch(`${origin}/api/generations`, {
    method: 'POST',
    headers: { cookie, origin, 'idempotency-key': id },
    body: form,
  })
  if (res.status !== 202) throw new Error(`create answered ${res.status}: ${await res.text()}`)
  return id
}

/** The generation's status as its owner reads it, or `undefined` while the server is away. */
export const statusOf = async (origin, cookie, id) => {
  try {
    const res = await fetch(`${origin}/api/generations/${id}`, { headers: { cookie } })
    if (!res.ok) return undefined
    return (await res.json()).status
  } catch {
    return undefined
  }
}
