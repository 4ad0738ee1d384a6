import { purgeTombstones } from '../services/purge-tombstones.ts'

/** The daily cron: drops tombstones past their 31 days. */
export const handleScheduled = async (_controller: ScheduledController, env: Env) => {
  const purged = await purgeTombstones(env.DB)
  console.log(JSON.stringify({ level: 'info', msg: 'tombstones purged', purged }))
}
