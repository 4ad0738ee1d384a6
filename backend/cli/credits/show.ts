import * as z from 'zod'
import { type AccountReport, showAccount } from '../../src/services/operator-account.ts'
import { commonArgs, defineVerb, EXIT } from './command.ts'
import { REMOTE_HELP, withDatabase } from './database.ts'
import { formatTable, formatTime } from './table.ts'

const HELP = `Usage: npm run credits -- show --email <email> [--rows <n>] [--json] [--remote]

Shows an account: its type (free or paid), whether its email is verified, its balance in every
workflow, its newest ledger rows and its newest generations (<n> of each, 10 by default).
--json prints the same as one JSON object.
${REMOTE_HELP}

Example: npm run credits -- show --email owner@shop.example --rows 20`

const argsSchema = z.object({
  ...commonArgs,
  rows: z.coerce.number().int().min(1).max(100).default(10),
  json: z.boolean().default(false),
})

const formatReport = ({ account, balances, ledger, generations }: AccountReport) =>
  [
    `Account   ${account.email} (${account.id}), "${account.name}"`,
    `Type      ${account.accountType}, email ${account.emailVerified ? 'verified' : 'not verified'}, since ${formatTime(account.createdAt)} UTC`,
    `Balances  ${Object.entries(balances)
      .map(([workflow, balance]) => `${workflow} ${balance}`)
      .join(', ')}`,
    '',
    `Last ${ledger.length} ledger row(s), newest first:`,
    formatTable(
      ['time (UTC)', 'workflow', 'delta', 'reason', 'note', 'key'],
      ledger.map((row) => [
        formatTime(row.createdAt),
        row.workflow,
        row.delta > 0 ? `+${row.delta}` : String(row.delta),
        row.reason,
        row.note ?? '',
        row.idemKey,
      ])
    ),
    '',
    `Last ${generations.length} generation(s), newest first:`,
    formatTable(
      ['time (UTC)', 'id', 'workflow', 'model', 'state', 'cost', 'refunded', 'images', 'error'],
      generations.map((row) => [
        formatTime(row.createdAt),
        row.id,
        row.workflow,
        row.model,
        row.status,
        row.cost,
        row.refunded,
        row.images,
        row.errorCode ?? '',
      ])
    ),
  ].join('\n')

/** `show`: one account's type, balances, ledger and generations. */
export const show = defineVerb({
  name: 'show',
  summary: "an account's type, balances, last ledger rows and last generations",
  help: HELP,
  options: { email: { type: 'string' }, rows: { type: 'string' }, json: { type: 'boolean' } },
  schema: argsSchema,
  run: (a) =>
    withDatabase(a.remote, async (db) => {
      const report = await showAccount(db, a.email, { ledger: a.rows, generations: a.rows })
      console.log(a.json ? JSON.stringify(report, null, 2) : formatReport(report))
      return EXIT.ok
    }),
})
