import { createDb } from '../db/client.ts'
import { configFor } from '../middleware/app-context.ts'
import type { GenerationJob } from '../services/create-generation.ts'
import { createDashScopeClient } from '../services/dashscope/client.ts'
import { runGenerationJob } from './generate-image.ts'

/** Attempts per generation before it fails and is refunded; matches the consumer's max_retries + 1. */
export const MAX_ATTEMPTS = 5

/** The Queue consumer: one generation per message, acked or retried with backoff. */
export const handleGenerationQueue = async (batch: MessageBatch<GenerationJob>, env: Env) => {
  const config = configFor(env)
  const deps = {
    db: createDb(env.DB),
    bucket: env.BUCKET,
    // Without a real key the Worker talks to the local simulator, which accepts `sk-sim`.
    client: createDashScopeClient({
      baseUrl: config.dashscope.baseUrl,
      apiKey: config.dashscope.apiKey ?? 'sk-sim',
      resultOrigins: config.dashscope.resultOrigins,
    }),
    maxAttempts: MAX_ATTEMPTS,
  }
  for (const message of batch.messages) {
    const result = await runGenerationJob(deps, message.body.generationId, message.attempts)
    if (result.outcome === 'retry') message.retry({ delaySeconds: result.delaySeconds })
    else message.ack()
  }
}
