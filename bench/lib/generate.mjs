import { randomUUID } from 'node:crypto'

/** The `[url, init]` of one ad-graphic `POST /api/generations` with a fresh Idempotency-Key. */
export const generationRequest = (
  origin,
  cookie,
  prompt = 'Bench: fresh bread on a rustic table'
) => {
  const form = new FormData()
  form.set('request', JSON.stringify({ workflow: 'ad-graphic', prompt, size: '1328*1328' }))
  return [
    `${origin}/api/generations`,
    {
      method: 'POST',
      headers: { cookie, origin, 'idempotency-key': randomUUID() },
      body: form,
    },
  ]
}
