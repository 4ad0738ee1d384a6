import {
  createGenerationResponseSchema,
  type Generation,
  generationSchema,
  ledgerPageSchema,
  profileSchema,
} from '@app/shared-types'
import { describe, expect, inject, it } from 'vitest'
import { signUpFromNode } from './account.ts'

const baseUrl = inject('baseUrl')
const simulatorUrl = inject('simulatorUrl')

const signUp = async () => (await signUpFromNode(baseUrl)).cookie

const generate = async (cookie: string, prompt: string) => {
  const form = new FormData()
  form.set('request', JSON.stringify({ workflow: 'ad-graphic', prompt, size: '1328*1328' }))
  const res = await fetch(`${baseUrl}/api/generations`, {
    method: 'POST',
    headers: { cookie, origin: baseUrl, 'idempotency-key': crypto.randomUUID() },
    body: form,
  })
  expect(res.status).toBe(202)
  return createGenerationResponseSchema.parse(await res.json()).generation
}

/** Polls like the app does until the generation is finished (the queue consumer runs it). */
const settled = async (cookie: string, id: string): Promise<Generation> => {
  for (let i = 0; i < 120; i++) {
    const g = generationSchema.parse(
      await (await fetch(`${baseUrl}/api/generations/${id}`, { headers: { cookie } })).json()
    )
    if (['succeeded', 'failed', 'canceled'].includes(g.status)) return g
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`generation ${id} did not finish`)
}

/**
 * The simulator's answers to calls whose request carries `prompt`. Its counters are global, and a
 * job of an earlier test may still be calling it.
 */
const callsFor = async (prompt: string) => {
  const { calls } = (await (await fetch(`${simulatorUrl}/__sim/calls`)).json()) as {
    calls: { route: string | null; status: number | string | null; body?: unknown }[]
  }
  return calls
    .filter((call) => JSON.stringify(call.body ?? null).includes(prompt))
    .map((call) => [call.route, call.status])
}

const balance = async (cookie: string) =>
  profileSchema.parse(await (await fetch(`${baseUrl}/api/me`, { headers: { cookie } })).json())
    .balances['ad-graphic']

describe('generation through the queue, against the DashScope simulator', () => {
  it('should run a request to a stored, owner-only PNG and charge one credit', async () => {
    const cookie = await signUp()
    const prompt = `Fresh bread on a rustic table ${crypto.randomUUID()}`
    const queued = await generate(cookie, prompt)
    const done = await settled(cookie, queued.id)
    expect(done).toMatchObject({ status: 'succeeded', refunded: 0, simulated: true })
    expect(done.images).toHaveLength(1)
    const image = await fetch(`${baseUrl}${done.images[0]?.url}`, { headers: { cookie } })
    expect(image.status).toBe(200)
    const bytes = new Uint8Array(await image.arrayBuffer())
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    const view = new DataView(bytes.buffer)
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([1328, 1328])
    expect((await fetch(`${baseUrl}${done.images[0]?.url}`)).status).toBe(401)
    expect(await balance(cookie)).toBe(0)
    // One upstream call, answered with the one image that was billed.
    expect(await callsFor(prompt)).toEqual([['sync', 200]])
  })

  it('should retry a failed result download and still charge once', async () => {
    const cookie = await signUp()
    const done = await settled(
      cookie,
      (await generate(cookie, 'Croissants [sim:result-download:1]')).id
    )
    expect(done.status).toBe('succeeded')
    expect(await balance(cookie)).toBe(0)
  })

  it('should fail a refused request with a code and refund it exactly once', async () => {
    const cookie = await signUp()
    const done = await settled(
      cookie,
      (await generate(cookie, 'Something [sim:data-inspection]')).id
    )
    expect(done).toMatchObject({
      status: 'failed',
      refunded: 1,
      error: { code: 'CONTENT_REFUSED' },
    })
    expect(await balance(cookie)).toBe(1)
    const ledger = ledgerPageSchema.parse(
      await (await fetch(`${baseUrl}/api/credits/ledger`, { headers: { cookie } })).json()
    )
    expect(ledger.items.filter((i) => i.reason === 'refund')).toHaveLength(1)
  })
})
