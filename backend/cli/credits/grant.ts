import { WORKFLOWS, workflowSchema } from '@app/shared-types'
import * as z from 'zod'
import { grantCredits } from '../../src/services/credits.ts'
import { CHANGE_OPTIONS, commonArgs, defineVerb, EXIT } from './command.ts'
import { REMOTE_HELP, withDatabase } from './database.ts'

const HELP = `Usage: npm run credits -- grant --email <email> --workflow <${WORKFLOWS.join('|')}> --amount <n>
         [--reason <text>] [--paid] [--key <idempotency key>] [--remote]

Adds <n> credits of one workflow to an account, as a ledger row and a balance change written
together. --paid marks the account as paid. Running it again with the same --key changes nothing.
${REMOTE_HELP}

Example: npm run credits -- grant --email owner@shop.example --workflow ad-graphic --amount 10 \\
           --reason "launch promo" --key promo-2026-11`

const argsSchema = z.object({
  ...commonArgs,
  workflow: workflowSchema,
  amount: z.coerce.number().int().min(1, '--amount must be a whole number ≥ 1').max(10_000),
  reason: z.string().max(500).optional(),
  paid: z.boolean().default(false),
  key: z.string().min(1).max(200).optional(),
})

/** `grant`: adds credits (and optionally the paid mark), once per key. */
export const grant = defineVerb({
  name: 'grant',
  summary: 'add credits of one workflow to an account (and mark it paid)',
  help: HELP,
  options: { ...CHANGE_OPTIONS, paid: { type: 'boolean' } },
  schema: argsSchema,
  run: (a) => {
    const input = {
      email: a.email,
      workflow: a.workflow,
      amount: a.amount,
      note: a.reason,
      paid: a.paid,
      idemKey: `grant:${a.key ?? crypto.randomUUID()}`,
    }
    return withDatabase(a.remote, async (db) => {
      const result = await grantCredits(db, input)
      const where = a.remote ? ' on the deployed database' : ''
      console.log(
        result.granted
          ? `Granted ${a.amount} ${a.workflow} credit(s) to ${a.email}${where}. Balances now: ${JSON.stringify(result.balances)}`
          : `Nothing to do: the grant with key ${input.idemKey} was already made. Balances: ${JSON.stringify(result.balances)}`
      )
      return EXIT.ok
    })
  },
})
