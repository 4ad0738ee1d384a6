import { createMiddleware } from 'hono/factory'
import { createDb } from '../db/client.ts'
import { countedD1 } from '../db/d1-trips.ts'
import { type AppConfig, type AppEnv, parseEnv } from '../env.ts'

const checked = new WeakMap<object, AppConfig>()

/** The checked configuration of these bindings, parsed once per isolate. */
export const configFor = (env: Env): AppConfig => {
  let config = checked.get(env)
  if (!config) {
    config = parseEnv(env as unknown as Record<string, unknown>)
    checked.set(env, config)
  }
  return config
}

/**
 * Checks the environment on the first request an isolate serves (bindings only exist per request
 * on Workers) and puts the derived config and the database client on the context. A bad variable
 * becomes a `SERVER_MISCONFIGURED` answer that names it.
 */
export const appContext = () =>
  createMiddleware<AppEnv>(async function appContext(c, next) {
    c.set('config', configFor(c.env))
    c.set('db', createDb(countedD1(c.env.DB)))
    await next()
  })
