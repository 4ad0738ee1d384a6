import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import type { AppEnv } from './env.ts'
import { handleGenerationQueue } from './jobs/queue-handler.ts'
import { handleScheduled } from './jobs/scheduled.ts'
import { ApiError, onError } from './lib/api-error.ts'
import { appContext } from './middleware/app-context.ts'
import { requestLog } from './middleware/request-log.ts'
import { securityHeaders } from './middleware/security-headers.ts'
import { auth } from './routes/auth.ts'
import { config } from './routes/config.ts'
import { credits } from './routes/credits.ts'
import { generations } from './routes/generations/index.ts'
import { health } from './routes/health.ts'
import { me } from './routes/me.ts'
import { openapi } from './routes/openapi.ts'
import { payments } from './routes/payments.ts'
import { purchases } from './routes/purchases.ts'
import { sync } from './routes/sync.ts'
import type { GenerationJob } from './services/create-generation.ts'

/** The API. Everything outside `/api/*` is the PWA, served by Workers static assets. */
export const app = new Hono<AppEnv>()
  .use(securityHeaders())
  .use(requestId())
  .use(requestLog())
  .use(appContext())
  .route('/api/health', health)
  .route('/api/config', config)
  .route('/api/openapi.json', openapi)
  .route('/api/auth', auth)
  .route('/api/me', me)
  .route('/api/credits', credits)
  .route('/api/credits', purchases)
  .route('/api/payments', payments)
  .route('/api/generations', generations)
  .route('/api/sync', sync)

app.notFound(() => {
  throw new ApiError('NOT_FOUND', 'No such route')
})
app.onError(onError)

export default {
  fetch: app.fetch,
  queue: handleGenerationQueue,
  scheduled: handleScheduled,
} satisfies ExportedHandler<Env, GenerationJob>
