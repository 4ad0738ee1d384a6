import { env } from 'cloudflare:workers'
import { MODELS } from '@app/shared-types'
import { beforeEach, describe, expect, it } from 'vitest'
import { expectLedgerInvariant } from '../../test/accounts.ts'
import { adGraphic } from '../../test/generations.ts'
import {
  counters,
  jobDeps,
  objectsOf,
  onProviderClock,
  queued,
  readAs,
  recordingQueue,
  refundRows,
  rowOf,
  sim,
  strandRunning,
  withBatchFault,
} from '../../test/jobs.ts'
import { runGenerationJob } from './generate-image.ts'
import { sweepGenerations } from './sweep-generations.ts'

/** Runs the sweeper now and returns the ids it sent to the queue. */
const sweep = async (now = new Date()) => {
  const { queue, sent } = recordingQueue()
  await sweepGenerations({ db: jobDeps.db, queue, leaseMs: 60_000, now })
  return sent
}

/** Runs every job the sweeper sent, the way the queue would. */
const runAll = async (ids: string[]) => {
  for (const id of ids) await runGenerationJob(jobDeps, id)
}

describe('recovering generations whose job died', () => {
  beforeEach(async () => {
    await sim('/reset', { method: 'POST' })
  })

  it('should send a queued generation again once its message is overdue, and only then', async () => {
    const { cookie, userId, id } = await queued()
    expect(await sweep()).not.toContain(id)
    const later = new Date(Date.now() + 5 * 60_000)
    const sent = await sweep(later)
    expect(sent).toContain(id)
    expect(await sweep(later)).not.toContain(id)
    await runAll(sent.filter((x) => x === id))
    expect((await readAs(cookie, id)).status).toBe('succeeded')
    expect((await counters()).calls.sync).toBe(1)
    await expectLedgerInvariant(userId)
  })

  it('should take back a running generation whose lease ended during its call, and send the call once more', async () => {
    const { cookie, userId, id } = await queued()
    await strandRunning(id, { unansweredCalls: 1 })
    const sent = await sweep()
    expect(sent).toContain(id)
    expect((await rowOf(id))?.status).toBe('queued')
    await runAll([id])
    expect(await readAs(cookie, id)).toMatchObject({ status: 'succeeded', refunded: 0 })
    expect((await counters()).calls.sync).toBe(1)
    await expectLedgerInvariant(userId)
  })

  it('should fail and refund, without a third call, a generation whose resend also went unanswered', async () => {
    const { cookie, userId, id } = await queued()
    await strandRunning(id, { unansweredCalls: 2 })
    await runAll(await sweep())
    expect(await readAs(cookie, id)).toMatchObject({ status: 'failed', refunded: 1 })
    expect((await counters()).calls.sync).toBe(0)
    expect(await refundRows(id)).toBe(1)
    await expectLedgerInvariant(userId)
  })

  it('should resume a stored async task instead of creating a new one', async () => {
    const clocked = await onProviderClock()
    const { cookie, userId, id } = await queued()
    const task = await jobDeps.client.createTask({
      model: MODELS['qwen-image-plus'],
      params: { prompt: 'Bread', n: 1, promptExtend: true, size: '1328*1328' },
      references: [],
    })
    await clocked.sleep?.(60_000)
    await strandRunning(id, { providerTaskId: task.taskId })
    for (const sent of await sweep()) await runGenerationJob(clocked, sent)
    expect(await readAs(cookie, id)).toMatchObject({ status: 'succeeded', refunded: 0 })
    expect((await counters()).calls).toMatchObject({ sync: 0, async_create: 1 })
    await expectLedgerInvariant(userId)
  })

  it('should download a stored sync answer instead of calling again', async () => {
    const { cookie, userId, id } = await queued()
    const answer = await jobDeps.client.generate({
      model: MODELS['qwen-image-max'],
      params: { prompt: 'Bread', n: 1, promptExtend: true, size: '1328*1328' },
      references: [],
    })
    await strandRunning(id, { providerResult: answer })
    await runAll(await sweep())
    expect(await readAs(cookie, id)).toMatchObject({ status: 'succeeded', refunded: 0 })
    expect((await counters()).calls.sync).toBe(1)
    expect((await counters()).billable_images.total).toBe(1)
    await expectLedgerInvariant(userId)
  })

  it('should end a deleted generation whose job died: refunded, nothing left in R2', async () => {
    const { userId, id } = await queued()
    await strandRunning(id, { unansweredCalls: 1 })
    const key = `users/${userId}/generations/${id}/output-0.png`
    await env.BUCKET.put(key, new Uint8Array([1, 2, 3]))
    await env.DB.prepare('UPDATE generation SET deleted_at = ? WHERE id = ?')
      .bind(Date.now(), id)
      .run()
    await runAll(await sweep())
    expect(await rowOf(id)).toMatchObject({ status: 'failed', refunded: 1 })
    expect(await objectsOf(userId, id)).toEqual([])
    expect((await counters()).calls.sync).toBe(0)
    await expectLedgerInvariant(userId)
  })

  it('should renew the lease while the job runs, so the sweeper leaves a live job alone', async () => {
    const { cookie, id } = await queued(adGraphic({ prompt: 'Bread [sim:slow:2500]' }))
    const job = runGenerationJob({ ...jobDeps, leaseMs: 900 }, id)
    await expect.poll(async () => (await rowOf(id))?.status).toBe('running')
    const first = (await rowOf(id))?.lease_expires_at ?? 0
    await expect
      .poll(async () => (await rowOf(id))?.lease_expires_at ?? Number.POSITIVE_INFINITY, {
        timeout: 10_000,
      })
      .toBeGreaterThan(first)
    expect((await job).outcome).toBe('succeeded')
    expect((await readAs(cookie, id)).status).toBe('succeeded')
  })

  it('should make a job that lost its lease change nothing', async () => {
    const { cookie, userId, id } = await queued(adGraphic({ prompt: 'Bread [sim:slow:1500]' }))
    const job = runGenerationJob(jobDeps, id)
    await expect.poll(async () => (await rowOf(id))?.unanswered_calls).toBe(1)
    // What the sweeper does once the lease has run out, and a second job's claim after it.
    await env.DB.prepare(
      "UPDATE generation SET status = 'queued', attempts = attempts + 1 WHERE id = ?"
    )
      .bind(id)
      .run()
    expect((await job).outcome).toBe('lost')
    expect((await rowOf(id))?.status).toBe('queued')
    expect(await objectsOf(userId, id)).toEqual([])
    expect((await readAs(cookie, id)).images).toEqual([])
  })

  it('should fail and refund a job that runs out of its time budget', async () => {
    const { cookie, userId, id } = await queued(adGraphic({ prompt: 'Bread [sim:slow:5000]' }))
    const outcome = await runGenerationJob({ ...jobDeps, budgetMs: 1_000 }, id)
    expect(outcome.outcome).toBe('failed')
    expect(await readAs(cookie, id)).toMatchObject({
      status: 'failed',
      refunded: 1,
      error: { code: 'PROVIDER_BUSY' },
    })
    expect(await refundRows(id)).toBe(1)
    await expectLedgerInvariant(userId)
  })

  it('should keep the outputs when the final batch committed but its answer was lost', async () => {
    const { cookie, userId, id } = await queued()
    const outcome = await runGenerationJob(
      { ...jobDeps, db: withBatchFault(jobDeps.db, 2, true) },
      id
    )
    expect(outcome.outcome).toBe('succeeded')
    const done = await readAs(cookie, id)
    expect(done.status).toBe('succeeded')
    expect(done.images).toHaveLength(1)
    expect(await objectsOf(userId, id)).toHaveLength(1)
    await expectLedgerInvariant(userId)
  })

  it('should leave no output object behind when the final batch failed, and try again', async () => {
    const { cookie, userId, id } = await queued()
    const outcome = await runGenerationJob({ ...jobDeps, db: withBatchFault(jobDeps.db, 2) }, id)
    expect(outcome.outcome).toBe('retry')
    expect(await objectsOf(userId, id)).toEqual([])
    expect((await runGenerationJob(jobDeps, id)).outcome).toBe('succeeded')
    expect((await readAs(cookie, id)).images).toHaveLength(1)
    expect((await counters()).calls.sync).toBe(1)
    await expectLedgerInvariant(userId)
  })
})
