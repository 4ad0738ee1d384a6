import { randomUUID } from 'node:crypto'
import { admitGeneration } from './admit.ts'
import { PROFILES } from './config.ts'
import type { Exchange } from './exchange.ts'
import { playCommonFaults } from './replies.ts'
import type { SimState } from './state.ts'

// The service reports its rewrite of the prompt; any deterministic rewrite serves the client.
const extendPrompt = (prompt: string): string => `${prompt}, rich detail, balanced composition`

/** `POST /api/v1/services/aigc/text2image/image-synthesis` with `X-DashScope-Async: enable`. */
export const handleCreateTask = async (state: SimState, ex: Exchange): Promise<void> => {
  const { key, request, plan } = await admitGeneration(state, ex, 'async_create')
  if (await playCommonFaults(state, ex, plan)) return
  const profile = PROFILES[state.config.profile]
  const id = randomUUID()
  state.tasks.add({
    id,
    key,
    requestId: ex.requestId,
    job: request.job,
    n: request.n,
    actualPrompt: request.promptExtend ? extendPrompt(request.job.prompt) : null,
    plan,
    pendingMs: profile.pendingMs,
    runningMs: profile.runningMs,
    submitAt: state.clock.now(),
    scheduledAt: null,
    endAt: null,
    status: 'PENDING',
    error: null,
    results: [],
    imageCount: 0,
  })
  state.noteInProgress(key)
  ex.log.task_id = id
  // A dropped create leaves the task running: the orphan the client cannot know about.
  if (plan.drop) ex.drop('dropped')
  else ex.json(200, { output: { task_status: 'PENDING', task_id: id }, request_id: ex.requestId })
}
