import { createDb } from '../db/client.ts'
import { configFor } from '../middleware/app-context.ts'
import type { GenerationJob } from '../services/create-generation.ts'
import { createDashScopeClient } from '../services/dashscope/client.ts'
import { runGenerationJob } from './generate-image.ts'

/** Claims per generation before a retryable failure is final and refunded. */
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
    leaseMs: config.generationLeaseSeconds * 1000,
  }
  for (const message of batch.messages) {
    try {
      const result = await runGenerationJob(deps, message.body.generationId)
      if (result.outcome === 'retry') message.retry({ delaySeconds: result.delaySeconds })
      else message.ack()
    } catch (error) {
      // A D1 or R2 error outside the job's own handling: the lease runs out and the sweeper
      // takes the generation back; retrying the message may get there sooner.
      console.error(
        JSON.stringify({
          level: 'error',
          msg: 'generation job crashed',
          generationId: message.body.generationId,
          error: String(error),
        })
      )
      message.retry({ delaySeconds: 10 })
    }
  }
}
