// The operator's credits command (`npm run credits -- grant …`), run by scripts/credits.mjs.
// Locally it writes through wrangler's platform proxy with the same service code the Worker runs;
// with --remote it sends the same statements to the deployed D1 with `wrangler d1 execute`.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { WORKFLOWS, workflowSchema } from '@app/shared-types'
import { getPlatformProxy } from 'wrangler'
import * as z from 'zod'
import { createDb } from '../src/db/client.ts'
import { type GrantInput, grantCredits, grantStatements } from '../src/services/credits.ts'

const USAGE = `Usage: npm run credits -- grant --email <email> --workflow <${WORKFLOWS.join('|')}> --amount <n>
         [--reason <text>] [--paid] [--key <idempotency key>] [--remote]

Adds <n> credits of one workflow to an account, as a ledger row and a balance change written
together. --paid marks the account as paid. Running it again with the same --key changes nothing.
Local by default (the database \`npm start\` uses); --remote writes to the deployed D1.`

const argsSchema = z.object({
  email: z.email('--email must be an email address'),
  workflow: workflowSchema,
  amount: z.coerce.number().int().min(1, '--amount must be a whole number ≥ 1').max(10_000),
  reason: z.string().max(500).optional(),
  paid: z.boolean().default(false),
  key: z.string().min(1).max(200).optional(),
  remote: z.boolean().default(false),
})

const backendDir = path.resolve(import.meta.dirname, '..')

const sqlLiteral = (value: unknown): string => {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'boolean') return value ? '1' : '0'
  if (value instanceof Date) return String(value.getTime())
  return `'${String(value).replaceAll("'", "''")}'`
}

const inline = ({ sql, params }: { sql: string; params: unknown[] }) => {
  let i = 0
  return sql.replace(/\?/g, () => sqlLiteral(params[i++]))
}

const wranglerD1 = (args: string[]) =>
  execFileSync('npx', ['wrangler', 'd1', 'execute', 'DB', '--remote', ...args], {
    cwd: backendDir,
    encoding: 'utf8',
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
  })

const grantRemote = (input: GrantInput) => {
  const lookup = JSON.parse(
    wranglerD1([
      '--json',
      '--command',
      `SELECT id FROM user WHERE email = ${sqlLiteral(input.email.toLowerCase())}`,
    ])
  ) as { results: { id: string }[] }[]
  const userId = lookup[0]?.results[0]?.id
  if (!userId) throw new Error(`No account with the email ${input.email}`)
  // Only used for .toSQL(): these statements are sent through wrangler, not this client.
  const offline = createDb({} as D1Database)
  const sql = grantStatements(offline, userId, input)
    .map((statement) => `${inline(statement.toSQL())};`)
    .join('\n')
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'addreams-grant-')), 'grant.sql')
  writeFileSync(file, sql)
  wranglerD1(['--file', file, '--yes'])
  return userId
}

const parseCommandLine = (argv: string[]) =>
  parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      workflow: { type: 'string' },
      amount: { type: 'string' },
      reason: { type: 'string' },
      key: { type: 'string' },
      paid: { type: 'boolean' },
      remote: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  })

/** Runs the command with its argv (after `--`); returns the exit code. */
export const main = async (argv: string[]): Promise<number> => {
  let parsedArgs: ReturnType<typeof parseCommandLine>
  try {
    parsedArgs = parseCommandLine(argv)
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
    return 2
  }
  const { positionals, values } = parsedArgs
  if (values.help || positionals[0] !== 'grant') {
    console.log(USAGE)
    return values.help ? 0 : 2
  }
  const parsed = argsSchema.safeParse(values)
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      console.error(`--${issue.path.join('.')}: ${issue.message}`)
    console.error(`\n${USAGE}`)
    return 2
  }
  const a = parsed.data
  const input: GrantInput = {
    email: a.email,
    workflow: a.workflow,
    amount: a.amount,
    note: a.reason,
    paid: a.paid,
    idemKey: `grant:${a.key ?? crypto.randomUUID()}`,
  }
  if (a.remote) {
    const userId = grantRemote(input)
    console.log(
      `Granted ${a.amount} ${a.workflow} credit(s) to ${a.email} (${userId}) on the deployed database.`
    )
    return 0
  }
  const stateDir = process.env.ADDREAMS_STATE_DIR ?? path.join(backendDir, '.wrangler/state')
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: path.join(backendDir, 'wrangler.jsonc'),
    persist: { path: path.join(stateDir, 'v3') },
  })
  try {
    const result = await grantCredits(createDb(proxy.env.DB), input)
    console.log(
      result.granted
        ? `Granted ${a.amount} ${a.workflow} credit(s) to ${a.email}. Balances now: ${JSON.stringify(result.balances)}`
        : `Nothing to do: the grant with key ${input.idemKey} was already made. Balances: ${JSON.stringify(result.balances)}`
    )
    return 0
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    return 1
  } finally {
    await proxy.dispose()
  }
}
