import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import type { AppEnv } from './env.ts'
import { ApiError, onError } from './lib/api-error.ts'
import { appContext } from './middleware/app-context.ts'
import { requestLog } from './middleware/request-log.ts'
import { auth } from './routes/auth.ts'
import { config } from './routes/config.ts'
import { credits } from './routes/credits.ts'
import { health } from './routes/health.ts'
import { me } from './routes/me.ts'
import { openapi } from './routes/openapi.ts'

/** The API. Everything outside `/api/*` is the PWA, served by Workers static assets. */
export const app = new Hono<AppEnv>()
  .use(requestId())
  .use(requestLog())
  .use(appContext())
  .route('/api/health', health)
  .route('/api/config', config)
  .route('/api/openapi.json', openapi)
  .route('/api/auth', auth)
  .route('/api/me', me)
  .route('/api/credits', credits)

app.notFound(() => {
  throw new ApiError('NOT_FOUND', 'No such route')
})
app.onError(onError)

export default { fetch: app.fetch } satisfies ExportedHandler<Env>
