import * as z from 'zod'
import { MAX_USAGE_DAYS, usageReport } from '../../src/services/usage-report.ts'
import { commonArgs, defineVerb, EXIT } from './command.ts'
import { REMOTE_HELP, withDatabase } from './database.ts'
import { formatUsage } from './usage-tables.ts'

const HELP = `Usage: npm run credits -- usage --from <YYYY-MM-DD> [--to <YYYY-MM-DD>] [--json] [--remote]

Reports each UTC day from --from through --to (both included; --to defaults to --from, at most
${MAX_USAGE_DAYS} days): generations by workflow, model and state; images delivered; refunds; purchases
and revenue per currency; purchase reversals with their shortfall (credits already spent); and an
estimated provider cost, PROVIDER_PRICES (shared-types/src/payments.ts) × real images per model.
--json prints the report as one JSON object.
${REMOTE_HELP}

Example: npm run credits -- usage --from 2026-12-01 --to 2026-12-07 --remote`

const day = z.iso.date('dates are YYYY-MM-DD')

const daysFrom = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000

const argsSchema = z
  .object({
    from: day,
    to: day.optional(),
    json: z.boolean().default(false),
    remote: commonArgs.remote,
  })
  .refine((a) => !a.to || a.to >= a.from, { path: ['to'], message: 'must not be before --from' })
  .refine((a) => !a.to || daysFrom(a.from, a.to) < MAX_USAGE_DAYS, {
    path: ['to'],
    message: `must be within ${MAX_USAGE_DAYS} days of --from`,
  })

/** `usage`: per-day counts, money and the estimated provider cost. */
export const usage = defineVerb({
  name: 'usage',
  summary: 'per UTC day: generations, images, refunds, purchases, revenue, estimated cost',
  help: HELP,
  options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
  schema: argsSchema,
  run: (a) =>
    withDatabase(a.remote, async (db) => {
      const report = await usageReport(db, a.from, a.to ?? a.from)
      console.log(a.json ? JSON.stringify(report, null, 2) : formatUsage(report))
      return EXIT.ok
    }),
})
