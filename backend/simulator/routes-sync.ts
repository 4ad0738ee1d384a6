import { admitGeneration } from './admit.ts'
import { PROFILES } from './config.ts'
import type { Exchange } from './exchange.ts'
import { deliveredCount, type FaultPlan, generationFailure } from './fault-plan.ts'
import { deliverImages } from './generation.ts'
import { playCommonFaults } from './replies.ts'
import type { SimState } from './state.ts'
import type { GenerationRequest } from './validate.ts'

const syncBody = (requestId: string, request: GenerationRequest, urls: string[]) => ({
  output: {
    choices: [
      {
        finish_reason: 'stop',
        message: { role: 'assistant', content: urls.map((image) => ({ image })) },
      },
    ],
    // Only the text-to-image models were seen to send `task_metric` (docs/dashscope.md §5.2).
    ...(request.model.kind === 'text-to-image'
      ? {
          task_metric: {
            TOTAL: request.n,
            SUCCEEDED: urls.length,
            FAILED: request.n - urls.length,
          },
        }
      : {}),
  },
  usage: { height: request.job.height, image_count: urls.length, width: request.job.width },
  request_id: requestId,
})

const answer = async (
  state: SimState,
  ex: Exchange,
  request: GenerationRequest,
  plan: FaultPlan
): Promise<void> => {
  if (await playCommonFaults(state, ex, plan)) return
  const profile = PROFILES[state.config.profile]
  await state.sleep(profile.syncMs + (request.promptExtend ? profile.promptExtendMs : 0))
  const failure = generationFailure(plan, request.n)
  if (failure) throw failure
  const count = deliveredCount(plan, request.n)
  // Images are produced (and billed) even if the client has given up waiting, as upstream.
  const urls = deliverImages(state, request.job, ex.requestId, count, plan, state.clock.now())
  if (plan.drop) ex.drop('dropped')
  else ex.json(200, syncBody(ex.requestId, request, urls))
}

/** `POST /api/v1/services/aigc/multimodal-generation/generation` (docs/dashscope.md §5, §12.5). */
export const handleSync = async (state: SimState, ex: Exchange): Promise<void> => {
  const { key, request, plan } = await admitGeneration(state, ex, 'sync')
  state.syncInFlight.set(key, (state.syncInFlight.get(key) ?? 0) + 1)
  state.noteInProgress(key)
  try {
    await answer(state, ex, request, plan)
  } finally {
    state.syncInFlight.set(key, (state.syncInFlight.get(key) ?? 1) - 1)
  }
}
