import { env } from 'cloudflare:workers'
import { createGenerationResponseSchema, generationSchema } from '@app/shared-types'
import { expect, inject } from 'vitest'
import { createDb, type Db } from '../src/db/client.ts'
import type { GenerationJobDeps } from '../src/jobs/generate-image.ts'
import type { GenerationJob } from '../src/services/create-generation.ts'
import { createDashScopeClient } from '../src/services/dashscope/client.ts'
import { getWith, signUp } from './accounts.ts'
import { adGraphic, postGeneration } from './generations.ts'

const simulatorUrl = inject('simulatorUrl')

/** A control call to the DashScope simulator (`/__sim/...`). */
export const sim = (path: string, init?: RequestInit) => fetch(`${simulatorUrl}/__sim${path}`, init)

/** The simulator's counters: calls per route and the images it would bill. */
export const counters = async () =>
  (await (await sim('/counters')).json()) as {
    billable_images: { total: number }
    calls: { sync: number; async_create: number; task_get: number }
  }

/** A client of the test simulator. */
export const simulatorClient = () =>
  createDashScopeClient({
    baseUrl: `${simulatorUrl}/api/v1`,
    apiKey: 'sk-sim',
    resultOrigins: [simulatorUrl],
  })

/** Job dependencies against the real D1, R2 and simulator, with no real waits between polls. */
export const jobDeps: GenerationJobDeps = {
  db: createDb(env.DB),
  bucket: env.BUCKET,
  client: simulatorClient(),
  maxAttempts: 3,
  leaseMs: 60_000,
  sleep: async () => {},
}

/** Job deps whose waits between task polls move the simulator's manual clock instead of real time. */
export const onProviderClock = async (polls: number[] = []): Promise<GenerationJobDeps> => {
  await sim('/clock', { method: 'POST', body: JSON.stringify({ mode: 'manual' }) })
  return {
    ...jobDeps,
    sleep: async (ms) => {
      polls.push(ms)
      await sim('/clock', { method: 'POST', body: JSON.stringify({ advance_ms: ms }) })
    },
  }
}

/** A queue that records what is sent to it, so a test decides when (and whether) a job runs. */
export const recordingQueue = () => {
  const sent: string[] = []
  const queue = {
    send: async (body: GenerationJob) => {
      sent.push(body.generationId)
    },
  } as unknown as Queue<GenerationJob>
  return { queue, sent }
}

/** Signs up and queues one generation through the API; returns the user and the generation id. */
export const queued = async (request: unknown = adGraphic(), references?: Uint8Array[]) => {
  const user = await signUp()
  const res = await postGeneration(user.cookie, request, { references })
  expect(res.status).toBe(202)
  return { ...user, id: createGenerationResponseSchema.parse(await res.json()).generation.id }
}

/** The generation as its owner reads it. */
export const readAs = async (cookie: string, id: string) =>
  generationSchema.parse(await (await getWith(`/api/generations/${id}`, cookie)).json())

/** The columns a test inspects that the API does not show. */
export const rowOf = (id: string) =>
  env.DB.prepare(
    `SELECT status, attempts, lease_expires_at, unanswered_calls, provider_task_id,
            provider_result, refunded, error_code, deleted_at
       FROM generation WHERE id = ?`
  )
    .bind(id)
    .first<{
      status: string
      attempts: number
      lease_expires_at: number | null
      unanswered_calls: number
      provider_task_id: string | null
      provider_result: string | null
      refunded: number
      error_code: string | null
      deleted_at: number | null
    }>()

/** How many `refund:` ledger rows the generation has. */
export const refundRows = async (id: string) =>
  (
    await env.DB.prepare('SELECT count(*) AS n FROM credit_ledger WHERE idem_key = ?')
      .bind(`refund:${id}`)
      .first<{ n: number }>()
  )?.n

/** Every R2 key under the generation's prefix. */
export const objectsOf = async (userId: string, id: string) =>
  (await env.BUCKET.list({ prefix: `users/${userId}/generations/${id}/` })).objects.map(
    (o) => o.key
  )

/**
 * Leaves the row as a job that died at some point would: `running`, claimed once, its lease over.
 * `fields` sets what the job had written by then.
 */
export const strandRunning = (
  id: string,
  fields: { unansweredCalls?: number; providerTaskId?: string; providerResult?: unknown } = {}
) =>
  env.DB.prepare(
    `UPDATE generation SET status = 'running', attempts = attempts + 1, lease_expires_at = ?,
            unanswered_calls = ?, provider_task_id = ?, provider_result = ? WHERE id = ?`
  )
    .bind(
      Date.now() - 1_000,
      fields.unansweredCalls ?? 0,
      fields.providerTaskId ?? null,
      fields.providerResult === undefined ? null : JSON.stringify(fields.providerResult),
      id
    )
    .run()

/**
 * The database with its `nth` batch (1-based) failing as a D1 blip would: before it ran, or, with
 * `committed`, after it ran and its answer was lost.
 */
export const withBatchFault = (db: Db, nth: number, committed = false): Db => {
  let calls = 0
  return new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver)
      if (property !== 'batch') return value
      return async (...args: unknown[]) => {
        calls += 1
        if (calls !== nth) return value.apply(target, args)
        if (committed) await value.apply(target, args)
        throw new Error('D1_ERROR: Network connection lost.')
      }
    },
  })
}
