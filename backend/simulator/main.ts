import { parseArgs } from 'node:util'
import * as z from 'zod'
import { configPatchSchema } from './config.ts'
import { type Simulator, startSimulator } from './server.ts'

const cliSchema = configPatchSchema
  .pick({ profile: true, image_mode: true, region: true, public_base: true })
  .extend({
    port: z.coerce.number().int().min(0).max(65_535),
    clock: z.enum(['real', 'manual']).optional(),
  })

/**
 * CLI entry: `--port <n>` (default 8790, 0 for any free port), optional `--profile`, `--clock`,
 * `--image-mode`, `--region`, `--public-base`. Runs until SIGINT or SIGTERM.
 * @example node -e "import('vite').then(v => v.runnerImport('./backend/simulator/main.ts')).then(m => m.module.main())" -- --port 0
 */
export const main = async (args: string[] = process.argv.slice(1)): Promise<Simulator> => {
  // Positionals are allowed because argv[1] is the script path when run as a file, not with -e.
  const { values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '8790' },
      profile: { type: 'string' },
      clock: { type: 'string' },
      'image-mode': { type: 'string' },
      region: { type: 'string' },
      'public-base': { type: 'string' },
    },
  })
  const options = cliSchema.parse({
    port: values.port,
    profile: values.profile,
    clock: values.clock,
    image_mode: values['image-mode'],
    region: values.region,
    public_base: values['public-base'],
  })
  const simulator = await startSimulator(options)
  console.log(`DashScope simulator listening on ${simulator.url}`)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void simulator.close().then(() => process.exit(0))
    })
  }
  return simulator
}
