// The one way every verb reaches the database: the local D1 of `npm start` through wrangler's
// platform proxy, or the deployed one (--remote) through wrangler; the services cannot tell.
import path from 'node:path'
import { getPlatformProxy } from 'wrangler'
import { createDb, type Db } from '../../src/db/client.ts'
import { remoteD1 } from '../../src/db/remote-d1.ts'
import { EXIT, messageOf } from './command.ts'
import { wranglerD1, wranglerExecutor } from './wrangler-executor.ts'

const backendDir = path.resolve(import.meta.dirname, '../..')

const reportFailure = async (use: () => Promise<number>) => {
  try {
    return await use()
  } catch (error) {
    console.error(messageOf(error))
    return EXIT.failed
  }
}

/** Runs `use` on the chosen database; a thrown error prints its message and exits 1. */
export const withDatabase = async (
  remote: boolean,
  use: (db: Db) => Promise<number>
): Promise<number> => {
  if (remote)
    return reportFailure(() => use(createDb(remoteD1(wranglerExecutor(wranglerD1(backendDir))))))
  const stateDir = process.env.ADDREAMS_STATE_DIR ?? path.join(backendDir, '.wrangler/state')
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: path.join(backendDir, 'wrangler.jsonc'),
    persist: { path: path.join(stateDir, 'v3') },
  })
  try {
    return await reportFailure(() => use(createDb(proxy.env.DB)))
  } finally {
    await proxy.dispose()
  }
}

/** The flag every verb takes to choose the deployed database. */
export const REMOTE_HELP =
  'Local by default (the database `npm start` uses, or ADDREAMS_STATE_DIR); --remote uses the\ndeployed D1 through `wrangler d1 execute` (needs `wrangler login`).'
