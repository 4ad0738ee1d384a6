// What every verb of `npm run credits` shares: flag parsing with --help, and how failures print.
import { type ParseArgsConfig, parseArgs } from 'node:util'
import * as z from 'zod'

/** One verb of the command: its one-line summary for the verb list, its help, and its run. */
export interface Verb {
  name: string
  summary: string
  help: string
  run(argv: string[]): Promise<number>
}

type Options = NonNullable<ParseArgsConfig['options']>

/** Exit codes: 0 done, 1 refused or failed (nothing changed), 2 bad input. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

/** The message of anything thrown, without a stack. */
export const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : String(error)

// `--amount -5` reads as two flags to parseArgs; a negative number right after a flag is its value.
const joinNegativeValues = (argv: string[]) =>
  argv.flatMap((arg, i) => {
    if (/^-\d+$/.test(arg) && argv[i - 1]?.startsWith('--') && !argv[i - 1]?.includes('='))
      return []
    const next = argv[i + 1]
    return arg.startsWith('--') && !arg.includes('=') && next && /^-\d+$/.test(next)
      ? [`${arg}=${next}`]
      : [arg]
  })

/**
 * Parses a verb's flags and checks them with `schema`: the data, or the exit code when it printed
 * the help (0) or what is wrong with the input (2).
 */
const parseVerbArgs = <S extends z.ZodType>(
  argv: string[],
  options: Options,
  schema: S,
  help: string
): z.infer<S> | number => {
  let values: Record<string, unknown>
  try {
    values = parseArgs({
      args: joinNegativeValues(argv),
      options: { ...options, help: { type: 'boolean', short: 'h' } },
    }).values
  } catch (error) {
    console.error(`${messageOf(error)}\n\n${help}`)
    return EXIT.usage
  }
  if (values.help) {
    console.log(help)
    return EXIT.ok
  }
  const parsed = schema.safeParse(values)
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      console.error(`--${issue.path.join('.')}: ${issue.message}`)
    console.error(`\n${help}`)
    return EXIT.usage
  }
  return parsed.data
}

/** Flags of the verbs that change one balance (`grant`, `adjust`). */
export const CHANGE_OPTIONS: Options = {
  email: { type: 'string' },
  workflow: { type: 'string' },
  amount: { type: 'string' },
  reason: { type: 'string' },
  key: { type: 'string' },
}

/** The checks every verb's `--email` and `--remote` get. */
export const commonArgs = {
  email: z.email('--email must be an email address'),
  remote: z.boolean().default(false),
}

/** A verb from its flags, their schema and what it does with them; every verb takes --remote. */
export const defineVerb = <S extends z.ZodType>(spec: {
  name: string
  summary: string
  help: string
  options: Options
  schema: S
  run(args: z.infer<S>): Promise<number>
}): Verb => ({
  name: spec.name,
  summary: spec.summary,
  help: spec.help,
  run: async (argv) => {
    const options = { ...spec.options, remote: { type: 'boolean' as const } }
    const args = parseVerbArgs(argv, options, spec.schema, spec.help)
    return typeof args === 'number' ? args : spec.run(args)
  },
})
