import { env } from 'cloudflare:workers'
import { createGenerationResponseSchema, generationRequestSchema } from '@app/shared-types'
import { beforeEach, describe, expect, it } from 'vitest'
import { expectLedgerInvariant, getWith, signUp } from '../../test/accounts.ts'
import { adGraphic, postGeneration } from '../../test/generations.ts'
import { fakeImage } from '../../test/images.ts'
import {
  counters,
  jobDeps,
  onProviderClock,
  queued,
  readAs as read,
  recordingQueue,
  refundRows,
  sim,
} from '../../test/jobs.ts'
import { createGeneration } from '../services/create-generation.ts'
import { creditChange } from '../services/credits.ts'
import { runGenerationJob } from './generate-image.ts'

const deps = jobDeps

/** A queued ad graphic on the async-task model, written through the service (the Worker's config uses the sync one). */
const queuedAsync = async (prompt: string) => {
  const { userId } = await signUp()
  const id = crypto.randomUUID()
  await createGeneration(
    {
      db: deps.db,
      bucket: env.BUCKET,
      queue: recordingQueue().queue,
      models: { 'product-shoot': 'qwen-image-edit-max', 'ad-graphic': 'qwen-image-plus' },
      simulated: true,
      perMinute: 10,
      leaseMs: 60_000,
    },
    userId,
    id,
    generationRequestSchema.parse(adGraphic({ prompt })),
    []
  )
  return { userId, id }
}

describe('the generation job', () => {
  beforeEach(async () => {
    await sim('/reset', { method: 'POST' })
  })

  it('should call upstream once even when the job runs twice', async () => {
    const { cookie, userId, id } = await queued()
    const [first, second] = await Promise.all([
      runGenerationJob(deps, id),
      runGenerationJob(deps, id),
    ])
    expect([first.outcome, second.outcome].sort()).toEqual(['skipped', 'succeeded'])
    expect((await runGenerationJob(deps, id)).outcome).toBe('skipped')
    const c = await counters()
    expect(c.calls.sync).toBe(1)
    expect(c.billable_images.total).toBe(1)
    const done = await read(cookie, id)
    expect(done).toMatchObject({ status: 'succeeded', simulated: true, refunded: 0 })
    expect(done.images[0]).toMatchObject({ width: 1328, height: 1328, contentType: 'image/png' })
    await expectLedgerInvariant(userId)
  })

  it('should retry a 429, then succeed, charging once', async () => {
    const { cookie, userId, id } = await queued()
    await sim('/faults', {
      method: 'POST',
      body: JSON.stringify({ fault: 'rate-limit', times: 1 }),
    })
    const retry = await runGenerationJob(deps, id)
    expect(retry.outcome).toBe('retry')
    expect((await read(cookie, id)).status).toBe('queued')
    expect((await runGenerationJob(deps, id)).outcome).toBe('succeeded')
    expect((await counters()).billable_images.total).toBe(1)
    expect(await read(cookie, id)).toMatchObject({ status: 'succeeded', refunded: 0 })
    await expectLedgerInvariant(userId)
  })

  it.each([
    ['internal', 'PROVIDER_BUSY'],
    ['unavailable', 'PROVIDER_BUSY'],
    ['data-inspection', 'CONTENT_REFUSED'],
    ['arrearage', 'INTERNAL'],
    ['malformed', 'INTERNAL'],
    ['empty', 'INTERNAL'],
    ['result-expired', 'PROVIDER_BUSY'],
  ])(
    'should end [sim:%s] failed with %s, refunded exactly once, with no R2 object left',
    async (fault, code) => {
      const { cookie, userId, id } = await queued(adGraphic({ prompt: `Bread [sim:${fault}]` }))
      let outcome = await runGenerationJob(deps, id)
      while (outcome.outcome === 'retry') outcome = await runGenerationJob(deps, id)
      expect(outcome.outcome).toBe('failed')
      expect(await read(cookie, id)).toMatchObject({
        status: 'failed',
        refunded: 1,
        error: { code },
      })
      expect(await refundRows(id)).toBe(1)
      expect(
        (await env.BUCKET.list({ prefix: `users/${userId}/generations/${id}/output` })).objects
      ).toHaveLength(0)
      await expectLedgerInvariant(userId)
    }
  )

  it('should refund the images a partial success did not deliver', async () => {
    const user = await signUp()
    await deps.db.batch(
      creditChange(deps.db, {
        userId: user.userId,
        workflow: 'product-shoot',
        delta: 2,
        reason: 'grant',
        idemKey: `grant:${user.userId}`,
      })
    )
    const res = await postGeneration(
      user.cookie,
      { workflow: 'product-shoot', prompt: 'On marble [sim:partial:1]', n: 3 },
      { references: [fakeImage.png(800, 800)] }
    )
    expect(res.status).toBe(202)
    const { id } = createGenerationResponseSchema.parse(await res.json()).generation
    expect((await runGenerationJob(deps, id)).outcome).toBe('succeeded')
    const done = await read(user.cookie, id)
    expect(done).toMatchObject({ status: 'succeeded', cost: 3, refunded: 2 })
    expect(done.images).toHaveLength(1)
    expect((await counters()).billable_images.total).toBe(1)
    const me = (await (await getWith('/api/me', user.cookie)).json()) as {
      balances: Record<string, number>
    }
    expect(me.balances['product-shoot']).toBe(2)
    await expectLedgerInvariant(user.userId)
  })

  it('should run an async-task model: create, poll on the provider clock, store the result', async () => {
    const polls: number[] = []
    const clocked = await onProviderClock(polls)
    const { userId, id } = await queuedAsync('Fresh bread on a rustic table')
    expect((await runGenerationJob(clocked, id)).outcome).toBe('succeeded')
    expect(polls[0]).toBe(5_000)
    const row = await env.DB.prepare('SELECT status, provider_task_id FROM generation WHERE id = ?')
      .bind(id)
      .first<{ status: string; provider_task_id: string }>()
    expect(row?.status).toBe('succeeded')
    expect(row?.provider_task_id).toBeTruthy()
    expect((await counters()).calls).toMatchObject({ sync: 0 })
    await expectLedgerInvariant(userId)
  })

  it('should send an unanswered (dropped) call again only once', async () => {
    const { cookie, id } = await queued(adGraphic({ prompt: 'Rolls [sim:drop]' }))
    expect((await runGenerationJob(deps, id)).outcome).toBe('retry')
    expect((await runGenerationJob(deps, id)).outcome).toBe('failed')
    expect((await counters()).calls.sync).toBe(2)
    expect(await read(cookie, id)).toMatchObject({ status: 'failed', refunded: 1 })
  })

  it('should fail and refund an async task that ends FAILED, by the code it carries', async () => {
    const clocked = await onProviderClock()
    const { userId, id } = await queuedAsync('Buns [sim:data-inspection:output]')
    expect((await runGenerationJob(clocked, id)).outcome).toBe('failed')
    const row = await env.DB.prepare(
      'SELECT status, error_code, refunded FROM generation WHERE id = ?'
    )
      .bind(id)
      .first<{ status: string; error_code: string; refunded: number }>()
    expect(row).toEqual({ status: 'failed', error_code: 'CONTENT_REFUSED', refunded: 1 })
    await expectLedgerInvariant(userId)
  })
})
