import { WORKFLOWS, workflowSchema } from '@app/shared-types'
import * as z from 'zod'
import { adjustCredits } from '../../src/services/credit-adjustment.ts'
import { CHANGE_OPTIONS, commonArgs, defineVerb, EXIT } from './command.ts'
import { REMOTE_HELP, withDatabase } from './database.ts'

const HELP = `Usage: npm run credits -- adjust --email <email> --workflow <${WORKFLOWS.join('|')}> --amount <±n>
         --reason <text> --key <idempotency key> [--remote]

Corrects one balance: a positive <n> adds credits, a negative one takes them away, written as an
"adjustment" ledger row with the reason as its note. A balance never goes below 0: taking more
than there is is refused and changes nothing (exit 1). Running it again with the same --key
changes nothing, so a retry after a lost answer is safe.
${REMOTE_HELP}

Examples:
  npm run credits -- adjust --email owner@shop.example --workflow ad-graphic --amount -3 \\
    --reason "granted twice by mistake" --key fix-2026-12-04-owner
  npm run credits -- adjust --email owner@shop.example --workflow product-shoot --amount 2 \\
    --reason "images lost in incident 12" --key incident-12-owner`

const argsSchema = z.object({
  ...commonArgs,
  workflow: workflowSchema,
  amount: z.coerce
    .number()
    .int('--amount must be a whole number')
    .min(-10_000)
    .max(10_000)
    .refine((n) => n !== 0, '--amount must not be 0'),
  reason: z.string('--reason is required').trim().min(1, '--reason is required').max(500),
  key: z.string('--key is required').min(1).max(200),
})

/** `adjust`: adds or takes away credits with a reason, never below 0, once per key. */
export const adjust = defineVerb({
  name: 'adjust',
  summary: 'correct one balance up or down, with a reason (never below 0)',
  help: HELP,
  options: CHANGE_OPTIONS,
  schema: argsSchema,
  run: (a) => {
    const idemKey = `adjust:${a.key}`
    return withDatabase(a.remote, async (db) => {
      const result = await adjustCredits(db, { ...a, idemKey })
      const signed = a.amount > 0 ? `+${a.amount}` : String(a.amount)
      console.log(
        result.adjusted
          ? `Adjusted ${a.email}'s ${a.workflow} credits by ${signed}. Balances now: ${JSON.stringify(result.balances)}`
          : `Nothing to do: the adjustment with key ${idemKey} was already made. Balances: ${JSON.stringify(result.balances)}`
      )
      return EXIT.ok
    })
  },
})
