import { createDb } from '../db/client.ts'
import { configFor } from '../middleware/app-context.ts'
import { purgeTombstones } from '../services/purge-tombstones.ts'
import { sweepGenerations } from './sweep-generations.ts'

/** The daily cron in wrangler.jsonc; every other trigger is the minutely sweep. */
export const DAILY_CRON = '17 3 * * *'

/**
 * The crons: every minute, send again the generations whose job died or whose message was lost;
 * daily, drop tombstones past their 31 days.
 */
export const handleScheduled = async (controller: ScheduledController, env: Env) => {
  if (controller.cron === DAILY_CRON) {
    const purged = await purgeTombstones(env.DB)
    console.log(JSON.stringify({ level: 'info', msg: 'tombstones purged', purged }))
    return
  }
  const swept = await sweepGenerations({
    db: createDb(env.DB),
    queue: env.GENERATION_QUEUE,
    leaseMs: configFor(env).generationLeaseSeconds * 1000,
  })
  if (swept.stale > 0)
    console.log(JSON.stringify({ level: 'info', msg: 'generations swept', ...swept }))
}
