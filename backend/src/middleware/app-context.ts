import { createMiddleware } from 'hono/factory'
import { createDb } from '../db/client.ts'
import { type AppConfig, type AppEnv, parseEnv } from '../env.ts'

const checked = new WeakMap<object, AppConfig>()

/**
 * Checks the environment on the first request an isolate serves (bindings only exist per request
 * on Workers) and puts the derived config and the database client on the context. A bad variable
 * becomes a `SERVER_MISCONFIGURED` answer that names it.
 */
export const appContext = () =>
  createMiddleware<AppEnv>(async function appContext(c, next) {
    let config = checked.get(c.env)
    if (!config) {
      config = parseEnv(c.env as unknown as Record<string, unknown>)
      checked.set(c.env, config)
    }
    c.set('config', config)
    c.set('db', createDb(c.env.DB))
    await next()
  })
