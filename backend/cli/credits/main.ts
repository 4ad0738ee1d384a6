// The operator's credits command (`npm run credits -- <verb> …`), run by scripts/credits.mjs.
// Each verb calls the same service code the Worker runs, on the local D1 or, with --remote, on
// the deployed one (database.ts). No account needs SQL by hand.
import { adjust } from './adjust.ts'
import { EXIT, type Verb } from './command.ts'
import { grant } from './grant.ts'
import { show } from './show.ts'
import { usage } from './usage.ts'

const VERBS: Verb[] = [show, grant, adjust, usage]

const HELP = `Usage: npm run credits -- <verb> [flags]   (npm run credits -- <verb> --help for its flags)

Verbs:
${VERBS.map((verb) => `  ${verb.name.padEnd(8)}${verb.summary}`).join('\n')}

Every verb works on the local database by default and on the deployed one with --remote.`

/** Runs the command with its argv (after `--`); returns the exit code. */
export const main = async (argv: string[]): Promise<number> => {
  const [name, ...rest] = argv
  const verb = VERBS.find((candidate) => candidate.name === name)
  if (verb) return verb.run(rest)
  if (name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP)
    return EXIT.ok
  }
  console.error(`${name ? `Unknown verb "${name}".` : 'No verb given.'}\n\n${HELP}`)
  return EXIT.usage
}
