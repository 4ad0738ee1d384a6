import { createHash } from 'node:crypto'
import { canonicalJson } from './canonical-json.ts'
import { addBillable } from './counters.ts'
import { decodePicture } from './decode-picture.ts'
import { ERRORS } from './errors.ts'
import { deliveredCount, type FaultPlan, generationFailure } from './fault-plan.ts'
import type { InputImage } from './input-images.ts'
import type { Picture } from './picture.ts'
import { renderResult } from './render-result.ts'
import type { SimState } from './state.ts'
import { type SimTask, TASK_LIFETIME_MS } from './tasks.ts'
import { resultDay } from './time-format.ts'

/** What one generation draws: every input that shapes the result pixels. */
export interface ImageJob {
  model: string
  prompt: string
  negativePrompt: string
  seed: number
  width: number
  height: number
  /** The reference photos, in request order; none for text-to-image models. */
  inputs: InputImage[]
}

// Result URLs live as long as task data (docs/dashscope.md §9).
const URL_LIFETIME_MS = TASK_LIFETIME_MS
const TINY_SIDE = 64

// Photos are decoded on the first download of any of the generation's images, then shared.
const decodeOnce = (inputs: InputImage[]): (() => Picture[]) => {
  let pictures: Picture[] | undefined
  return () => {
    pictures ??= inputs.map(decodePicture)
    return pictures
  }
}

/**
 * Produces `count` images of a generation at time `at`: stores each behind a signed URL and
 * counts it billable. `id` names the files (the request id, or the task id for async).
 */
export const deliverImages = (
  state: SimState,
  job: ImageJob,
  id: string,
  count: number,
  plan: FaultPlan,
  at: number
): string[] => {
  const expires = Math.floor((plan.resultExpired ? at - 1_000 : at + URL_LIFETIME_MS) / 1000)
  const tiny = state.config.image_mode === 'tiny'
  const width = tiny ? TINY_SIDE : job.width
  const height = tiny ? TINY_SIDE : job.height
  const pictures = decodeOnce(job.inputs)
  const inputHashes = job.inputs.map((input) => input.sha256)
  state.results.releaseExpired(at)
  const urls: string[] = []
  for (let index = 0; index < count; index++) {
    const { model, prompt, negativePrompt, seed } = job
    const digest = createHash('sha256')
      .update(canonicalJson([model, prompt, negativePrompt, seed, index, inputHashes]))
      .digest()
    const render = () =>
      renderResult({ digest, index, prompt, pictures: pictures() }, width, height)
    const path = state.results.add(`/results/${resultDay(at)}/${id}-${index}.png`, {
      render,
      expires,
      failuresLeft: plan.resultDownloadFailures,
    })
    urls.push(state.resultOrigin() + path)
  }
  addBillable(state.counters, job.model, count)
  return urls
}

/** Ends a task that ran its course: `FAILED` under a fault, otherwise `SUCCEEDED` with its images. */
export const finishTask = (state: SimState, task: SimTask, at: number): void => {
  task.endAt = at
  const failure = generationFailure(task.plan, task.n)
  if (failure) {
    task.status = 'FAILED'
    task.error = { code: failure.code, message: failure.message }
    return
  }
  const count = deliveredCount(task.plan, task.n)
  const urls = deliverImages(state, task.job, task.id, count, task.plan, at)
  const failed = task.plan.empty ? 0 : task.n - count
  const timeout = {
    code: 'InternalError.Timeout',
    message: ERRORS['InternalError.Timeout'].message,
  }
  task.results = [...urls.map((url) => ({ url })), ...Array.from({ length: failed }, () => timeout)]
  task.imageCount = count
  task.status = 'SUCCEEDED'
}
